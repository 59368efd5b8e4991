import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { organisations } from "./organisations.ts";

/**
 * The installation's test CA and the emulator's server certificate, made on the emulator's first
 * start. One row: the check on `id` keeps a second installation authority from ever existing.
 * The keys are PEM in plain text for now (issue 4 notes encryption at rest as the next step).
 */
export const sandboxAuthorities = pgTable(
  "sandbox_authorities",
  {
    id: integer("id").primaryKey().default(1),
    caCertificatePem: text("ca_certificate_pem").notNull(),
    caPrivateKeyPem: text("ca_private_key_pem").notNull(),
    serverCertificatePem: text("server_certificate_pem").notNull(),
    serverPrivateKeyPem: text("server_private_key_pem").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("sandbox_authorities_single", sql`${t.id} = 1`)],
);

/** Every call the emulator received, accepted or not; organisation_id is the sender's organisation when it is known. */
export const sandboxEvents = pgTable(
  "sandbox_events",
  {
    id: uuid("id").primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    operation: text("operation"),
    senderOrgNr: text("sender_orgnr"),
    recipientIds: text("recipient_ids").array().notNull().default(sql`'{}'::text[]`),
    operatorId: text("operator_id"),
    /** The client certificate's 16 + orgnr when it was accepted. */
    clientOrgNr: text("client_orgnr"),
    outcome: text("outcome").notNull(),
    httpStatus: integer("http_status"),
    durationMs: doublePrecision("duration_ms").notNull(),
    faultCode: integer("fault_code"),
    reason: text("reason"),
    checks: jsonb("checks").notNull(),
    transId: text("trans_id"),
    /** The initiative's test environment named in the address; null for a call to no (or an unknown) environment. */
    environmentId: uuid("environment_id").references(() => sandboxEnvironments.id, { onDelete: "cascade" }),
    /** The load test running in the environment when the call arrived. */
    loadTestId: uuid("load_test_id").references(() => sandboxLoadTests.id, { onDelete: "set null" }),
    /** The size of the request body as received (0 when it was never read). */
    requestBytes: integer("request_bytes").notNull().default(0),
  },
  (t) => [
    index("sandbox_events_org_at_idx").on(t.organisationId, t.at),
    index("sandbox_events_env_at_idx").on(t.environmentId, t.at),
    index("sandbox_events_load_test_idx").on(t.loadTestId),
  ],
);

/**
 * An initiative's test environment in the emulator: the initiative enables it, and its endpoints
 * live under /e/{slug}/ on the emulator's port. The slug is not a secret (mutual TLS decides who
 * may call); it keeps addresses short and free of ids. Disabling keeps the history.
 */
export const sandboxEnvironments = pgTable(
  "sandbox_environments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    /** A förmedlare allowed to call for the organisation: its organisationsnummer (ten digits). */
    intermediaryOrgNr: text("intermediary_orgnr"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sandbox_environments_initiative_uq").on(t.initiativeId), uniqueIndex("sandbox_environments_slug_uq").on(t.slug)],
);

/** A test CA an organisation uploaded: client certificates it issued are accepted in the organisation's environments. */
export const sandboxTrustedCas = pgTable(
  "sandbox_trusted_cas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    certificatePem: text("certificate_pem").notNull(),
    subject: text("subject").notNull(),
    fingerprint256: text("fingerprint256").notNull(),
    validTo: timestamp("valid_to", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("sandbox_trusted_cas_org_fp_uq").on(t.organisationId, t.fingerprint256)],
);

/** A synthetic recipient an organisation added beside the fixed scenarios, with the situation it plays. */
export const sandboxRecipients = pgTable(
  "sandbox_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    recipientId: text("recipient_id").notNull(),
    label: text("label").notNull().default(""),
    /** "Secure" or "Not" (no mailbox). */
    accountType: text("account_type").notNull(),
    pending: boolean("pending").notNull().default(false),
    operatorId: text("operator_id"),
    senderAccepted: boolean("sender_accepted").notNull().default(true),
    /** delivered | not-delivered | fault | timeout */
    operatorBehaviour: text("operator_behaviour").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("sandbox_recipients_org_recipient_uq").on(t.organisationId, t.recipientId)],
);

/** A load test: the organisation's sender runs against its environment at a chosen rate during a window. */
export const sandboxLoadTests = pgTable(
  "sandbox_load_tests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    environmentId: uuid("environment_id")
      .notNull()
      .references(() => sandboxEnvironments.id, { onDelete: "cascade" }),
    /** The deliveries per second the organisation means to send. */
    targetRate: doublePrecision("target_rate").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    /** When the window closes by itself; stopping early sets stopped_at. */
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    stoppedAt: timestamp("stopped_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("sandbox_load_tests_env_idx").on(t.environmentId, t.startedAt)],
);

/** What a delivery carried, kept so the test-run view can show it as a recipient would see it (not kept during load tests). */
export const sandboxMessages = pgTable(
  "sandbox_messages",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => sandboxEvents.id, { onDelete: "cascade" }),
    /** The message's place in the delivery (a SealedDelivery may carry several). */
    position: integer("position").notNull(),
    messageId: text("message_id"),
    subject: text("subject"),
    bodyContentType: text("body_content_type"),
    /** As sent: base64. Decoded only where it is shown. */
    bodyBase64: text("body_base64"),
    /** [{ filename, contentType, checksum, base64 }] in the order sent. */
    attachments: jsonb("attachments").notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.position] })],
);
