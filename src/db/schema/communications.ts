import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { milestoneDecisions } from "./milestones.ts";
import { organisations } from "./organisations.ts";

/** What the method says must be told after a decision, one per audience; who received it is in communication_recipients. */
export const communications = pgTable(
  "communications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => milestoneDecisions.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    /** The organisation that decided and sends. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    audience: text("audience").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    items: jsonb("items").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("communications_audience_idx").on(t.audience, t.createdAt), index("communications_initiative_idx").on(t.initiativeId)],
);

/**
 * Who a communication went to, as it was when it was sent, each with its own read status: the
 * förvaltningsgrupp, an organisation (the sender itself, or a samverkanspart) reading in its inbox,
 * or an external party by e-mail (queued in the outbox; its reading is not known to Ansluta).
 */
export const communicationRecipients = pgTable(
  "communication_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communicationId: uuid("communication_id")
      .notNull()
      .references(() => communications.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["forvaltningsgrupp", "organisation", "external"] }).notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    /** The recipient's name when the message was sent. */
    name: text("name").notNull(),
    email: text("email"),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    readBy: uuid("read_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check(
      "communication_recipients_kind",
      sql`(${t.kind} = 'forvaltningsgrupp' and ${t.organisationId} is null and ${t.email} is null) or (${t.kind} = 'organisation' and ${t.organisationId} is not null and ${t.email} is null) or (${t.kind} = 'external' and ${t.organisationId} is null and ${t.email} is not null and ${t.readAt} is null)`,
    ),
    uniqueIndex("communication_recipients_key").on(t.communicationId, t.kind, sql`coalesce(${t.organisationId}::text, ${t.email}, '')`),
    index("communication_recipients_organisation_idx").on(t.organisationId).where(sql`${t.organisationId} is not null`),
    index("communication_recipients_forvaltningsgrupp_idx").on(t.communicationId).where(sql`${t.kind} = 'forvaltningsgrupp'`),
  ],
);

/**
 * An initiative's samverkansparter: another organisation in Ansluta (it reads the messages in its
 * inbox, never the initiative), or a named external party reached by e-mail.
 */
export const initiativePartners = pgTable(
  "initiative_partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    partnerOrganisationId: uuid("partner_organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name"),
    /** Lower case, so one address is one partner however it was typed. */
    email: text("email"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check(
      "initiative_partners_one_kind",
      sql`(${t.partnerOrganisationId} is not null and ${t.name} is null and ${t.email} is null) or (${t.partnerOrganisationId} is null and ${t.name} is not null and ${t.email} is not null)`,
    ),
    check("initiative_partners_email_lower", sql`${t.email} = lower(${t.email})`),
    uniqueIndex("initiative_partners_organisation_key")
      .on(t.initiativeId, t.partnerOrganisationId)
      .where(sql`${t.partnerOrganisationId} is not null`),
    uniqueIndex("initiative_partners_email_key").on(t.initiativeId, t.email).where(sql`${t.email} is not null`),
    index("initiative_partners_partner_idx").on(t.partnerOrganisationId),
  ],
);

/** The förvaltningsgrupp's answer to a communication; it reaches the initiative's projektledare (issue 14). */
export const communicationAnswers = pgTable(
  "communication_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communicationId: uuid("communication_id")
      .notNull()
      .references(() => communications.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The name as it was, so the answer reads on its own however accounts change. */
    createdByName: text("created_by_name").notNull(),
  },
  (t) => [
    check("communication_answers_text_check", sql`length(btrim(${t.text})) between 1 and 5000`),
    index("communication_answers_communication_idx").on(t.communicationId, t.createdAt),
  ],
);
