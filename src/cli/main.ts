import { closeSync, fchmodSync, openSync, readFileSync, writeSync } from "node:fs";
import { z } from "zod";
import { readConfig, sandboxPublicUrl } from "../config.ts";
import { attachmentFiles } from "../db/attachment-files.ts";
import { BackupRejectedError, createBackup, parseBackup, restoreBackup } from "../db/backup.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { openConfiguredDatabase } from "../db/open-configured.ts";
import { SYSTEM_ACTOR } from "../domain/access/actor.ts";
import { isOrganisationRole, isSystemRole, ORGANISATION_KINDS, type OrganisationRole } from "../domain/access/roles.ts";
import { anchorAuditLog } from "../domain/audit/anchor-audit-log.ts";
import type { AuditVerdict } from "../domain/audit/audit-checkpoint.ts";
import { auditKeyOf, setAuditKey } from "../domain/audit/audit-key.ts";
import { verifyAuditLog } from "../domain/audit/verify-audit-log.ts";
import { runReminders } from "../domain/follow-up/run-reminders.ts";
import { registerProvider } from "../domain/oidc/manage-providers.ts";
import { ProviderInput } from "../domain/oidc/provider-rules.ts";
import { createOrganisation } from "../domain/organisations/create-organisation.ts";
import { DomainError } from "../domain/shared/domain-error.ts";
import { email, newPassword, organisationNumber, requiredText } from "../domain/shared/field-rules.ts";
import { fieldIssues } from "../domain/shared/zod-issues.ts";
import { createUser, grantSystemRoles } from "../domain/users/create-user.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { loadSecretBox, MissingSecretKeyError } from "../secrets/secret-key.ts";
import { options, UsageError } from "./arguments.ts";
import { seedDemo } from "./demo-seed.ts";
import { NotEmptyError, nationalSeedText, parseScale, seedNational } from "./national/seed-national.ts";
import { SANDBOX_SEND_FLAGS, sandboxSendCommand } from "./sandbox-send.ts";

const USAGE = `Usage: npm run cli -- <command> [options]

  admin:create --email E --password P [--name N]
  org:create   --name N --number ORGNR --kind kommun|statlig|region|privat
  user:create  --email E --password P --name N [--organisation ORGNR] --roles r1,r2
               (organisation roles: projektledare, deltagare, verksamhetsagare, styrgrupp, lasare;
                system roles without --organisation: forvaltningsgrupp, admin)
  demo:seed    create demo organisations, users and initiatives (documented in the README)
  demo:seed --national [--scale S] [--add]
               fill an empty database with a national picture: 650 organisations, 1,000 initiatives with
               decisions, 20,000 message flows with actuals (S: a share of it, 0.01–1; --add: beside
               organisations already there)
  oidc:add     --issuer URL --client-id ID --client-secret SECRET --name "Namn" [--domains kommun.se,…] [--scopes "openid email"]
               register an organisation's identity provider (OpenID Connect) for "Logga in med Namn"; register
               PUBLIC_URL/login/oidc/callback as the redirect URI at the provider. The secret is sealed under SECRET_KEY
  db:migrate   apply pending migrations
  backup       --out FILE  (written readable by its owner only: it holds password hashes)
  restore      --in FILE   (replaces all data; refuses a backup made under another SECRET_KEY)
  reminders:run queue the reminders due now (conditions and planned decisions REMINDER_DAYS_AHEAD days
               ahead and overdue), each once; safe beside running servers (they share one lock)
  audit:verify check the audit log's hash chain against its signed checkpoint
  audit:anchor sign the audit log's current end as its checkpoint under this SECRET_KEY: once after
               upgrading from a version without checkpoints, or after a new key (recorded in the log)
  sandbox:send --environment SLUG --certificate FILE.pem (--to NUMBER | --case MM-nn|all)
               [--html FILE] [--attach FILE.pdf] [--save FILE.xml] [--url https://host:port] [--ca FILE.pem]
               [--timeout SECONDS]
               the reference sender: isReachable, then a deliverSecure signed as avsändare and förmedlare,
               over mutual TLS to a running emulator (default https://localhost:SANDBOX_PORT); prints the
               answers and the message's checks (src/sandbox/README.md). Needs no database.

Honours DATABASE_URL (PostgreSQL), DATA_DIR (embedded database) and SECRET_KEY, like the server.
Commands that write or verify the audit log need the server's SECRET_KEY.`;

function parse<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UsageError(
    `--${flag}: ${fieldIssues(r.error)
      .map((i) => i.message)
      .join("; ")}`,
  );
}

type Flags = Record<string, string | undefined>;
type Command = {
  required?: readonly string[];
  optional?: readonly string[];
  /** Flags without a value. */
  switches?: readonly string[];
  /** Commands that write or verify the audit log, or restore sealed keys, need SECRET_KEY. */
  run: (o: Flags, handle: DatabaseHandle, secrets: () => Promise<SecretBox>) => Promise<string>;
};

const now = () => new Date();

const commands: Record<string, Command> = {
  "db:migrate": {
    run: async () => "migrations applied; the database is up to date",
  },

  "admin:create": {
    required: ["email", "password"],
    optional: ["name"],
    run: async (o, { db }, secrets) => {
      setAuditKey(await secrets());
      const mail = parse(email, o.email, "email");
      try {
        const u = await createUser({
          db,
          actor: SYSTEM_ACTOR,
          now: now(),
          input: {
            email: mail,
            name: o.name ?? "Administratör",
            password: parse(newPassword, o.password, "password"),
            systemRoles: ["admin"],
          },
        });
        return `admin created: ${u.email} (${u.id})`;
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== "EMAIL_TAKEN") throw e;
        const u = await grantSystemRoles({
          db,
          actor: SYSTEM_ACTOR,
          now: now(),
          email: mail,
          roles: ["admin"],
        });
        return `existing user ${u.email} is now admin (password unchanged)`;
      }
    },
  },

  "org:create": {
    required: ["name", "number", "kind"],
    run: async (o, { db }, secrets) => {
      setAuditKey(await secrets());
      const org = await createOrganisation({
        db,
        actor: SYSTEM_ACTOR,
        now: now(),
        input: {
          name: parse(requiredText(200), o.name, "name"),
          number: parse(organisationNumber, o.number, "number"),
          kind: parse(
            z.enum(ORGANISATION_KINDS, {
              error: `must be one of ${ORGANISATION_KINDS.join(", ")}`,
            }),
            o.kind,
            "kind",
          ),
        },
      });
      return `organisation created: ${org.name} ${org.number} (${org.id})`;
    },
  },

  "user:create": {
    required: ["email", "password", "name", "roles"],
    optional: ["organisation"],
    run: async (o, { db }, secrets) => {
      setAuditKey(await secrets());
      const roles = (o.roles ?? "")
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean);
      if (!roles.length) throw new UsageError("--roles: give at least one role");
      let systemRoles: ("admin" | "forvaltningsgrupp")[] = [];
      let membership:
        | {
            organisationNumber: string;
            roles: OrganisationRole[];
          }
        | undefined;
      if (o.organisation) {
        const bad = roles.filter((r) => !isOrganisationRole(r));
        if (bad.length) throw new UsageError(`--roles: not an organisation role: ${bad.join(", ")}`);
        membership = {
          organisationNumber: parse(organisationNumber, o.organisation, "organisation"),
          roles: roles.filter(isOrganisationRole),
        };
      } else {
        const bad = roles.filter((r) => !isSystemRole(r));
        if (bad.length)
          throw new UsageError(`--roles: ${bad.join(", ")} needs --organisation (without it only forvaltningsgrupp or admin)`);
        systemRoles = roles.filter(isSystemRole);
      }
      const u = await createUser({
        db,
        actor: SYSTEM_ACTOR,
        now: now(),
        input: {
          email: parse(email, o.email, "email"),
          name: parse(requiredText(200), o.name, "name"),
          password: parse(newPassword, o.password, "password"),
          systemRoles,
          membership,
        },
      });
      return `user created: ${u.email} (${u.id})`;
    },
  },

  "oidc:add": {
    required: ["issuer", "client-id", "client-secret", "name"],
    optional: ["domains", "scopes"],
    run: async (o, { db }, secrets) => {
      const box = await secrets();
      setAuditKey(box);
      const r = ProviderInput.safeParse({
        issuer: o.issuer,
        clientId: o["client-id"],
        clientSecret: o["client-secret"],
        displayName: o.name,
        emailDomains: o.domains ?? "",
        scopes: o.scopes ?? "",
      });
      if (!r.success) {
        const flags: Record<string, string> = {
          clientId: "client-id",
          clientSecret: "client-secret",
          displayName: "name",
          emailDomains: "domains",
        };
        throw new UsageError(
          fieldIssues(r.error)
            .map((i) => `--${flags[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
            .join("; "),
        );
      }
      const p = await registerProvider({ db, actor: SYSTEM_ACTOR, now: now(), secrets: box, input: r.data });
      const config = readConfig();
      const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
      return [
        `identity provider registered: ${p.displayName} (${p.id})`,
        `  issuer ${p.issuer}, client id ${p.clientId}, scopes "${p.scopes}", e-mail domains ${p.emailDomains.join(", ") || "any"}`,
        `  redirect URI to register at the provider: ${base}/login/oidc/callback`,
      ].join("\n");
    },
  },

  "demo:seed": {
    optional: ["scale"],
    switches: ["national", "add"],
    run: async (o, { db }, secrets) => {
      if (!o.national && (o.scale || o.add)) throw new UsageError("--scale and --add go with --national");
      const scale = parseScale(o.scale);
      setAuditKey(await secrets());
      if (!o.national) return seedDemo(db, now());
      return nationalSeedText(await seedNational(db, now(), { scale, add: o.add === "true" }));
    },
  },

  backup: {
    // Attachments kept in ATTACHMENT_DIR are read into the backup; a restore writes them to this installation's ATTACHMENT_DIR (or into the database).
    required: ["out"],
    run: async (o, { db }) => {
      const out = o.out ?? "";
      const backup = await createBackup(db, now(), { attachmentFiles: configuredAttachmentFiles() });
      writePrivateFile(out, JSON.stringify(backup));
      const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
      return `backup written to ${out} (mode 0600): ${rows} rows in ${Object.keys(backup.tables).length} tables`;
    },
  },

  restore: {
    required: ["in"],
    run: async (o, { db }, secrets) => {
      let text: string;
      try {
        text = readFileSync(o.in ?? "", "utf8");
      } catch (e) {
        throw new UsageError(`--in: cannot read ${o.in}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const box = await secrets();
      const counts = await restoreBackup(db, parseBackup(text), { secrets: box, attachmentFiles: configuredAttachmentFiles() });
      const verdict = await verifyAuditLog({ db, actor: SYSTEM_ACTOR, key: auditKeyOf(box) });
      return `restored from ${o.in}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}\n${verdictText(verdict)}`;
    },
  },

  "reminders:run": {
    run: async (_o, { db }) => {
      const config = readConfig();
      const r = await runReminders({
        db,
        now: now(),
        daysAhead: config.REMINDER_DAYS_AHEAD,
        baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
      });
      return r.ran
        ? `reminders: ${r.reminders} due, ${r.mails} mails queued in the outbox`
        : "reminders: another server is running a round right now; nothing done";
    },
  },

  "audit:verify": {
    run: async (_o, { db }, secrets) => {
      const v = await verifyAuditLog({ db, actor: SYSTEM_ACTOR, key: auditKeyOf(await secrets()) });
      if (!v.ok) throw new AuditBrokenError(verdictText(v));
      return verdictText(v);
    },
  },

  "audit:anchor": {
    run: async (_o, { db }, secrets) => {
      const box = await secrets();
      setAuditKey(box);
      const r = await anchorAuditLog({ db, actor: SYSTEM_ACTOR, now: now(), key: auditKeyOf(box) });
      const replaced = r.replaced
        ? `replacing the checkpoint at entry ${r.replaced.lastSeq} (${r.replaced.entries} entries, signature ${r.replaced.signatureValid ? "valid" : "NOT valid with this key"}${r.replaced.anomaly ? `, anomaly ${r.replaced.anomaly.problem} found ${r.replaced.anomaly.at}` : ""})`
        : "where there was no checkpoint";
      return `audit log anchored: ${r.entries} entries signed up to entry ${r.seq} (audit.anchor), ${replaced}`;
    },
  },
};

/** ATTACHMENT_DIR's files, for backup and restore; null when attachments are kept in the database. */
function configuredAttachmentFiles() {
  const dir = readConfig().ATTACHMENT_DIR;
  return dir ? attachmentFiles(dir) : null;
}

/** Created 0600, and an existing file made 0600 before anything is written to it: a backup holds password hashes. */
function writePrivateFile(path: string, text: string): void {
  const fd = openSync(path, "w", 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

const AUDIT_PROBLEMS: Record<Exclude<AuditVerdict, { ok: true }>["reason"], string> = {
  hash_mismatch: "an entry was changed after it was written",
  prev_hash_mismatch: "an entry before it was removed or moved",
  checkpoint_missing:
    "the log has entries but no signed checkpoint: it was removed, or the log predates checkpoints (then run audit:anchor once)",
  checkpoint_signature_invalid:
    "the checkpoint's signature does not verify with this SECRET_KEY: the checkpoint was altered, or written under another key",
  entries_missing: "entries are missing from the end of the log (or all of them): they were removed",
  checkpoint_mismatch:
    "the entry at the signed checkpoint is not the one signed: the chain was recomputed, or entries were added outside Ansluta",
  anomaly_recorded: "a writer found earlier that the log did not end where its signed checkpoint said: it was altered outside Ansluta",
};

function verdictText(v: AuditVerdict): string {
  const expected = v.expectedEntries === null ? "unknown (no checkpoint to believe)" : String(v.expectedEntries);
  if (v.ok) {
    const checkpoint = v.checkpoint
      ? `signed checkpoint at entry ${v.checkpoint.lastSeq} (${v.checkpoint.at})`
      : "no entries, no checkpoint";
    return `audit log intact: ${v.entries} entries found, ${expected} expected; ${checkpoint}; last hash ${v.lastHash}`;
  }
  const at = v.brokenAtSeq === undefined ? "" : ` at entry ${v.brokenAtSeq}`;
  const anomaly = v.anomaly
    ? ` (found ${v.anomaly.at}: ${v.anomaly.problem}, checkpoint at entry ${v.anomaly.checkpointSeq ?? "-"}, log ended at entry ${v.anomaly.foundSeq ?? "-"})`
    : "";
  return `audit log BROKEN${at} (${v.reason}): ${AUDIT_PROBLEMS[v.reason]}${anomaly}; ${expected} entries expected, ${v.entries} found`;
}

class AuditBrokenError extends Error {}

export async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const [name, ...argv] = args;
  if (!name || name === "help" || name === "--help") return { code: name ? 0 : 2, out: USAGE };
  const command = commands[name];
  if (name === "sandbox:send") return sandboxSend(argv);
  if (!command) return { code: 2, out: `unknown command "${name}"\n\n${USAGE}` };
  let handle: DatabaseHandle | undefined;
  try {
    // Parse flags before touching the database, so a typo costs nothing.
    const flags = options(argv, {
      required: command.required ?? [],
      optional: command.optional ?? [],
      switches: command.switches ?? [],
    });
    const config = readConfig();
    handle = await openConfiguredDatabase(config);
    return { code: 0, out: await command.run(flags, handle, () => loadSecretBox(config)) };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: `error: ${e.message}\n\n${USAGE}` };
    if (
      e instanceof DataDirLockedError ||
      e instanceof BackupRejectedError ||
      e instanceof AuditBrokenError ||
      e instanceof NotEmptyError ||
      e instanceof MissingSecretKeyError
    ) {
      return { code: 1, out: `error: ${e.message}` };
    }
    if (e instanceof DomainError) {
      const fields = e.details.fields?.map((f) => ` ${f.path.join(".")}: ${f.message}`).join(";") ?? "";
      return {
        code: 1,
        out: `error: ${e.code}: ${e.message}${fields ? ` (${fields.trim()})` : ""}`,
      };
    }
    return { code: 1, out: `error: ${(e as Error).message}` };
  } finally {
    await handle?.close();
  }
}

/** A network command: it talks to a running emulator and never opens the database, which that emulator's server may hold. */
async function sandboxSend(argv: string[]): Promise<{ code: number; out: string }> {
  try {
    const flags = options(argv, { required: SANDBOX_SEND_FLAGS.required, optional: SANDBOX_SEND_FLAGS.optional });
    const config = readConfig();
    // The one address the emulator gives itself everywhere (SANDBOX_PUBLIC_URL, else its default).
    return await sandboxSendCommand(flags, sandboxPublicUrl(config) ?? `https://localhost:${config.SANDBOX_PORT ?? 8443}`);
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: `error: ${e.message}\n\n${USAGE}` };
    return { code: 1, out: `error: ${(e as Error).message}` };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, out } = await runCli(process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
  process.exit(code);
}
