import { text, timestamp } from "drizzle-orm/pg-core";

/** When a row was made: every table that keeps one names it the same. */
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** ISO date "YYYY-MM-DD": a calendar day, no time zone to get wrong. */
export const day = (name: string) => text(name);
