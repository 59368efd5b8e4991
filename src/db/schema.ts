/**
 * One PostgreSQL schema for both the embedded PGlite database and production PostgreSQL, one file
 * per area under schema/. Keep to what PostgreSQL 15 supports: PGlite is PostgreSQL 18, the
 * production floor is 15. Migrations are generated from this module (drizzle.config.ts).
 */
export * from "./schema/attachments.ts";
export * from "./schema/audit.ts";
export * from "./schema/business-case.ts";
export * from "./schema/communications.ts";
export * from "./schema/deliverables.ts";
export * from "./schema/flows.ts";
export * from "./schema/follow-up.ts";
export * from "./schema/identity.ts";
export * from "./schema/initiatives.ts";
export * from "./schema/mail.ts";
export * from "./schema/milestones.ts";
export * from "./schema/oidc.ts";
export * from "./schema/organisations.ts";
export * from "./schema/portfolio.ts";
export * from "./schema/reviews.ts";
export * from "./schema/sandbox.ts";
