import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";

/** What every use case receives: the database, who acts, and the time (passed in, so tests control it). */
export type UseCaseContext = { db: Database; actor: Actor; now: Date };
