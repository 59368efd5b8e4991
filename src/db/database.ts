import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema.ts";

/** The one database type the rest of the code sees, whichever driver sits underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  readonly db: Database;
  readonly kind: DatabaseKind;
  /** Answers whether the database responds; used by /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};
