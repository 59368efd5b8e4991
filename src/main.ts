import { seedDemo } from "./cli/demo-seed.ts";
import { readConfig, sandboxPublicUrl, sandboxServerNames } from "./config.ts";
import { openConfiguredDatabase } from "./db/open-configured.ts";
import { findAnyUser } from "./db/repositories/user-repository.ts";
import { auditCheckpointFitsKey } from "./domain/audit/audit-checkpoint-fits-key.ts";
import { auditKeyOf, setAuditKey } from "./domain/audit/audit-key.ts";
import { ensureSandboxAuthority } from "./domain/sandbox/sandbox-authority.ts";
import { DomainError } from "./domain/shared/domain-error.ts";
import { buildApp, configuredValidationPool } from "./http/app.ts";
import { createMailDeliverer } from "./mail/mail-deliverer.ts";
import { startReminderJob } from "./mail/reminder-job.ts";
import { assertMethodIntegrity } from "./method/integrity.ts";
import { methodV12 } from "./method/v1.2/index.ts";
import { startSandbox } from "./sandbox/emulator/start-sandbox.ts";
import { loadSecretBox } from "./secrets/secret-key.ts";
import { startupNotice } from "./startup-notice.ts";

/**
 * Starts Ansluta: read the environment, check the method, open and migrate the database, listen.
 * On the embedded database a first start with no users seeds the demo, so `npm start` on a fresh
 * clone gives something to log in to; on PostgreSQL nothing is ever seeded implicitly. With
 * SANDBOX_PORT set, the Mina meddelanden emulator listens there too (mutual TLS, bound to HOST).
 */
const startedAt = performance.now();
const config = readConfig();
// Stored ids and decision checks trust the method blindly, so a broken one stops the start with every problem listed.
assertMethodIntegrity(methodV12);
startupNotice(config, "opening the database and applying migrations …");
const handle = await openConfiguredDatabase(config);
const secrets = await loadSecretBox(config);
// Every write signs the audit log's checkpoint, the demo seed's included.
setAuditKey(secrets);
if (handle.kind === "pglite" && !(await findAnyUser(handle.db))) {
  startupNotice(config, "first start: seeding the demo …");
  console.log(await seedDemo(handle.db, new Date()));
}
// Made before the first request, so handing out the CA or a certificate never has to create anything.
// A CA sealed under another SECRET_KEY (a restore without the original key) must not stop everything
// else: the app serves, the emulator stays off, and issuing a certificate answers SANDBOX_CA_UNUSABLE.
const sandboxAuthority = await ensureSandboxAuthority(handle.db, {
  now: new Date(),
  secrets,
  serverNames: sandboxServerNames(config),
}).catch((error: unknown) => {
  if (error instanceof DomainError && error.code === "SANDBOX_CA_UNUSABLE") return error;
  throw error;
});
const auditCheckpointFits = await auditCheckpointFitsKey(handle.db, auditKeyOf(secrets));
const mail = createMailDeliverer(handle.db, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log: (m) => console.warn(m) });
// One pool of worker threads parses and checks untrusted XML for the validator and the emulator alike.
const validationPool = configuredValidationPool(config);
const app = await buildApp({ handle, config, secrets, mailQueued: mail.kick, validationPool });
await app.listen({ port: config.PORT, host: config.HOST });
if (sandboxAuthority instanceof DomainError) {
  const emulator = config.SANDBOX_PORT === undefined ? "" : " the emulator does not start;";
  app.log.error(
    `SECRET_KEY: ${sandboxAuthority.message}. Ansluta serves everything else;${emulator} issuing test certificates answers 503.`,
  );
}
if (!auditCheckpointFits) {
  app.log.error(
    "SECRET_KEY: the audit log's signed checkpoint does not verify with this key (another SECRET_KEY, or the checkpoint was altered). " +
      "Changes are still recorded, and the checkpoint records the mismatch; audit:verify reports it until an operator runs audit:anchor.",
  );
}
app.log.info(
  { database: handle.kind, startupMs: Math.round(performance.now() - startedAt) },
  `Ansluta listening on port ${config.PORT} (${handle.kind === "pglite" ? `embedded database in ${config.DATA_DIR}` : "PostgreSQL"})`,
);
const sandboxUrl = sandboxPublicUrl(config);
const sandbox =
  config.SANDBOX_PORT === undefined || sandboxUrl === null || sandboxAuthority instanceof DomainError
    ? null
    : await startSandbox({
        db: handle.db,
        authority: sandboxAuthority,
        host: config.HOST,
        port: config.SANDBOX_PORT,
        operators: config.SANDBOX_OPERATORS,
        validationPool,
        publicUrl: sandboxUrl,
        onRecordError: (error, event) => app.log.error({ err: error, callId: event.callId }, "sandbox event not recorded"),
      });
if (sandbox) {
  app.log.info(
    `Mina meddelanden emulator listening on port ${config.SANDBOX_PORT}, at ${sandbox.url} for senders (certificate for ${sandboxServerNames(config).join(", ")})`,
  );
}
const reminders = startReminderJob(handle.db, {
  intervalMinutes: config.REMINDER_INTERVAL_MINUTES,
  daysAhead: config.REMINDER_DAYS_AHEAD,
  baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  mailQueued: mail.kick,
  log: (m) => app.log.info(m),
});

/** After the grace period and the connections' forced close, this long for the rest (workers, database) before giving up. */
const CLEANUP_LIMIT_MS = 10_000;

let stopping = false;
/**
 * Graceful shutdown, as a process manager asks for it (SIGTERM) or a terminal (SIGINT): stop taking
 * connections at once (Fastify answers a new request on a kept-alive connection 503 and closes it),
 * let the requests under way finish for up to SHUTDOWN_GRACE_SECONDS, then close whatever is still
 * open. Only then stop the emulator, the reminder job, the mail and the workers, and close the
 * database last, since the requests finishing and the jobs use it; PGlite writes its files on close.
 */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const began = performance.now();
  const graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000;
  app.log.info(`${signal}: shutting down; requests under way have ${config.SHUTDOWN_GRACE_SECONDS} s to finish`);
  const forceClose = setTimeout(() => {
    app.log.warn(`${signal}: requests still under way after ${config.SHUTDOWN_GRACE_SECONDS} s; closing their connections`);
    app.server.closeAllConnections();
  }, graceMs);
  const giveUp = setTimeout(() => {
    app.log.error(`${signal}: shutdown still not done ${CLEANUP_LIMIT_MS / 1000} s after the grace period; exiting without it`);
    process.exit(1);
  }, graceMs + CLEANUP_LIMIT_MS);
  giveUp.unref();
  await Promise.all([app.close(), reminders.stop()]);
  clearTimeout(forceClose);
  const requestsDoneMs = Math.round(performance.now() - began);
  await sandbox?.close();
  await validationPool.close();
  await mail.stop();
  await handle.close();
  app.log.info({ requestsDoneMs, shutdownMs: Math.round(performance.now() - began) }, `${signal}: stopped`);
  process.exit(0);
}
// A step that fails (a database that will not close) still ends the process, non-zero, with why.
const stopOn = (signal: string) => () =>
  void stop(signal).catch((error: unknown) => {
    app.log.error({ err: error }, `${signal}: shutdown failed`);
    process.exit(1);
  });
process.on("SIGINT", stopOn("SIGINT"));
process.on("SIGTERM", stopOn("SIGTERM"));
