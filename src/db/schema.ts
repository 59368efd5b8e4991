import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
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
import type { CheckpointAnomaly } from "../domain/audit/audit-checkpoint.ts";

/**
 * One PostgreSQL schema for both the embedded PGlite database and production PostgreSQL.
 * Keep to what PostgreSQL 15 supports: PGlite is PostgreSQL 18, the production floor is 15.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    number: text("number").notNull(),
    kind: text("kind", { enum: ["statlig", "kommun", "region", "privat"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organisations_number_key").on(t.number), check("organisations_number_format", sql`${t.number} ~ '^[0-9]{10}$'`)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["sv", "en"] })
      .notNull()
      .default("sv"),
    // System-wide roles (admin, forvaltningsgrupp); organisation roles live on memberships.
    systemRoles: text("system_roles").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_email_lower", sql`${t.email} = lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    roles: text("roles").array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index("memberships_org_idx").on(t.organisationId)],
);

/**
 * An invitation to join an organisation with roles, for an e-mail address. The one-time link goes
 * only to that mailbox (only the token's SHA-256 is kept); the membership is made when the person
 * accepts. A link sets a password only for an account that has none; an account that has one
 * joins by accepting while signed in.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Null only on links made before invitations belonged to an organisation (all ended by migration 0006). */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** The account that accepted (null while pending). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_email_idx").on(t.email), index("invitations_org_idx").on(t.organisationId, t.createdAt)],
);

/** Browser sessions, server-side so that any app server can serve any request. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeOrganisationId: uuid("active_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Bearer tokens for API clients: those issued by POST /api/v1/auth/login and personal tokens made in the UI. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["login", "personal"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Failed and successful logins, kept in the database so the rate limit holds across app servers. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_at_idx").on(t.email, t.at), index("login_attempts_ip_at_idx").on(t.ip, t.at)],
);

/**
 * The login throttle's counters (domain/identity/login-throttle.ts), one row per account+address,
 * account, address or known device. Read under a row lock and updated in the same transaction, so
 * attempts at the same moment are counted one after the other.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true, mode: "date" }),
  pending: integer("pending").notNull().default(0),
  pendingSince: timestamp("pending_since", { withTimezone: true, mode: "date" }),
});

/** Append-only, hash-chained record of every change. A trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: text("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    organisationId: uuid("organisation_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_log_org_idx").on(t.organisationId, t.seq)],
);

/**
 * The audit log's one signed checkpoint (src/domain/audit/audit-checkpoint.ts): where the chain ends,
 * how many entries it holds, and an HMAC under a key derived from SECRET_KEY. Moved forward with every
 * entry, under the chain's lock; a trigger (migration 0007) refuses DELETE and TRUNCATE.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: integer("id").primaryKey().default(1),
    lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
    lastHash: text("last_hash").notNull(),
    entries: bigint("entries", { mode: "number" }).notNull(),
    at: text("at").notNull(),
    anomaly: jsonb("anomaly").$type<CheckpointAnomaly>(),
    mac: text("mac").notNull(),
  },
  (t) => [check("audit_checkpoints_single", sql`${t.id} = 1`)],
);

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

/* ---------- Initiatives: an organisation's run through the method ---------- */

const day = (name: string) => text(name); // ISO date "YYYY-MM-DD": a calendar day, no time zone to get wrong

export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    targetGroup: text("target_group").notNull().default(""),
    plannedGoLive: day("planned_go_live"),
    projectManagerId: uuid("project_manager_id").references(() => users.id, { onDelete: "set null" }),
    methodVersion: text("method_version").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("initiatives_org_idx").on(t.organisationId)],
);

/** The initiative's own styrgrupp; the verksamhetsägare decides milestone I, the styrgrupp II–VIII. */
export const steeringGroupMembers = pgTable(
  "steering_group_members",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId] })],
);

export const activityProgress = pgTable(
  "activity_progress",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    status: text("status", { enum: ["not_started", "in_progress", "done", "not_applicable"] }).notNull(),
    motivation: text("motivation"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.activityId] }),
    check("activity_not_applicable_motivated", sql`${t.status} <> 'not_applicable' or length(trim(coalesce(${t.motivation}, ''))) > 0`),
  ],
);

export const deliverables = pgTable(
  "deliverables",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    typeId: text("type_id").notNull(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("deliverables_initiative_idx").on(t.initiativeId)],
);

/** Every version of a deliverable is kept: editing a fastställd version starts a new utkast. */
export const deliverableVersions = pgTable(
  "deliverable_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: text("status", { enum: ["utkast", "for_granskning", "faststalld"] }).notNull(),
    sections: jsonb("sections").notNull(),
    contentHash: text("content_hash").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("deliverable_versions_key").on(t.deliverableId, t.version)],
);

/** The team's prepared proposal for a decision point ("beredning"), before the decision. */
export const decisionPointPreparations = pgTable(
  "decision_point_preparations",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    decisionPointId: text("decision_point_id").notNull(),
    proposal: text("proposal").notNull(),
    preparedBy: uuid("prepared_by").references(() => users.id, { onDelete: "set null" }),
    preparedAt: timestamp("prepared_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.decisionPointId] })],
);

/** A milestone decision: frozen once written (a trigger refuses UPDATE and DELETE); a new one supersedes it. */
export const milestoneDecisions = pgTable(
  "milestone_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    numeral: text("numeral").notNull(),
    outcome: text("outcome", { enum: ["go", "go_with_conditions", "rework", "stop"] }).notNull(),
    decisionPoints: jsonb("decision_points").notNull(),
    conditions: jsonb("conditions").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedByName: text("decided_by_name").notNull(),
    decidedOn: day("decided_on").notNull(),
    minutes: text("minutes").notNull(),
    diarienummer: text("diarienummer"),
    incompleteBasisReason: text("incomplete_basis_reason"),
    reported: jsonb("reported").notNull(),
    basisSnapshot: jsonb("basis_snapshot").notNull(),
    basisHash: text("basis_hash").notNull(),
    /** SHA-256 of the decision itself (domain/milestones/decision-hash.ts); null for decisions recorded before it existed. */
    decisionHash: text("decision_hash"),
    supersedesId: uuid("supersedes_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("milestone_decisions_initiative_idx").on(t.initiativeId, t.numeral, t.createdAt),
    // One current decision per milestone: each decision superseded at most once, one first decision.
    uniqueIndex("milestone_decisions_supersedes_key").on(t.supersedesId).where(sql`${t.supersedesId} is not null`),
    uniqueIndex("milestone_decisions_first_key").on(t.initiativeId, t.numeral).where(sql`${t.supersedesId} is null`),
  ],
);

/** What the method says must be told after a decision, to whom; the förvaltningsgrupp reads its own in its inbox. */
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
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    audience: text("audience").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    items: jsonb("items").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    readBy: uuid("read_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("communications_audience_idx").on(t.audience, t.createdAt), index("communications_initiative_idx").on(t.initiativeId)],
);

/* ---------- Sandbox: the Mina meddelanden v3 emulator ---------- */

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
