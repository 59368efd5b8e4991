import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";

/** Mail waiting to be sent, or kept for reading when no SMTP server is configured. */
export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  bodyText: text("body_text").notNull(),
  createdAt: createdAt(),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  lastError: text("last_error"),
});
