import { isIP } from "node:net";
import { z } from "zod";
import { parseClamdAddress } from "./attachments/clamd-scanner.ts";
import { DEFAULT_ATTACHMENT_MAX_BYTES } from "./domain/attachments/upload-rules.ts";
import { parseInformationSecurityScale } from "./domain/flows/information-security-scale.ts";
import { DEFAULT_VALIDATION_TIMEOUT_MS } from "./sandbox/checks/validation-pool.ts";
import { hostOf, httpsOrigin, LOOPBACK_NAMES, reachableHost } from "./sandbox/emulator/public-url.ts";
import { DEFAULT_OPERATORS } from "./sandbox/recipients/scenarios.ts";

/**
 * SANDBOX_OPERATORS: the names the emulator's simulated mailbox operators go by in this
 * installation, as `key=Name` pairs separated by commas
 * (`kivra=Kivra,minmyndighetspost=Min myndighetspost,billo=Billo,fortnox=Fortnox`).
 * Keys are the emulator's operators; one left out keeps its usual name.
 */
const SandboxOperators = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const names = new Map<string, string>();
    for (const pair of (value ?? "").split(",").filter((p) => p.trim() !== "")) {
      const at = pair.indexOf("=");
      const key = pair.slice(0, at).trim();
      const name = pair.slice(at + 1).trim();
      if (at < 0 || !DEFAULT_OPERATORS.some((o) => o.key === key) || name === "" || names.has(key)) {
        ctx.addIssue({
          code: "custom",
          message: `"${pair.trim()}" is not key=Name with a key among ${DEFAULT_OPERATORS.map((o) => o.key).join(", ")} (each once)`,
        });
        return z.NEVER;
      }
      names.set(key, name);
    }
    return DEFAULT_OPERATORS.map((o) => ({ id: o.key, name: names.get(o.key) ?? o.name }));
  });

/**
 * SANDBOX_PUBLIC_URL: the one address senders reach the emulator at, `https://host[:port]` and
 * nothing more, since every endpoint is under /e/{slug}/ at its root. Its port may differ from
 * SANDBOX_PORT (a port forwarded to it), but nothing in between may end TLS: the emulator sees the
 * client certificate itself.
 */
const SandboxPublicUrl = z
  .string()
  .url()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const url = new URL(value);
    if (url.protocol !== "https:" || url.username || url.password || url.pathname !== "/" || url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not https://host or https://host:port (no path, query or credentials)` });
      return z.NEVER;
    }
    return url.origin;
  });

const DNS_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** SANDBOX_TLS_NAMES: more DNS names and IP addresses for the server certificate, separated by commas. */
const SandboxTlsNames = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const names = (value ?? "")
      .split(",")
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== "")
      // One spelling per IPv6 address, the one a certificate's names are compared in.
      .map((n) => (isIP(n) === 6 ? hostOf(`https://[${n}]`) : n));
    const wrong = names.filter((n) => isIP(n) === 0 && !DNS_NAME.test(n));
    if (wrong.length > 0) {
      ctx.addIssue({ code: "custom", message: `not a DNS name or an IP address: ${wrong.map((n) => `"${n}"`).join(", ")}` });
      return z.NEVER;
    }
    return names;
  });

/** INFORMATION_SECURITY_SCALE: the classes a message flow can be given, separated by semicolons (information-security-scale.ts). */
const InformationSecurityScale = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parsed = parseInformationSecurityScale(value);
    if (parsed.ok) return parsed.scale;
    ctx.addIssue({ code: "custom", message: parsed.reason });
    return z.NEVER;
  });

/** Everything Ansluta reads from the environment, parsed once at the edge. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Ansluta <no-reply@ansluta.local>"),
  /** The address users reach Ansluta at; used in links sent by mail. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * How many proxies sit in front (a TLS-terminating proxy, a load balancer): `false`/`0` none,
   * `true` one, or a number of hops. Each hop's X-Forwarded-For entry is trusted counting from
   * the right, so the client's address is the one the outermost trusted proxy saw, never what the
   * client wrote at the left. With any proxy, cookies become Secure and HSTS is on.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v, ctx) => {
      if (v === "true") return 1;
      if (v === "false") return 0;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      ctx.addIssue({ code: "custom", message: `"${v}" is not true, false or a number of proxy hops (0–99)` });
      return z.NEVER;
    }),
  /** The Mina meddelanden emulator's HTTPS port (mutual TLS), bound to HOST; unset, the emulator does not start. */
  SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SANDBOX_PUBLIC_URL: SandboxPublicUrl,
  SANDBOX_TLS_NAMES: SandboxTlsNames,
  SANDBOX_OPERATORS: SandboxOperators,
  /**
   * Worker threads that parse and check untrusted XML, for the validator and the emulator alike;
   * max(1, cores − 1) by default, so one core stays with the event loop.
   */
  VALIDATION_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  /** How long one validation may run on a worker before the worker is stopped and replaced (VALIDATION_TIMEOUT). */
  VALIDATION_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(DEFAULT_VALIDATION_TIMEOUT_MS),
  /**
   * 32 random bytes in base64 that seal the keys Ansluta keeps (the sandbox's test CA). Required with
   * DATABASE_URL, the same on every app server; on the embedded database DATA_DIR/secret.key is made.
   */
  SECRET_KEY: z.string().optional(),
  /**
   * How often each app server runs a round of reminders, in minutes (a fraction is a part of one:
   * 0.05 is every 3 s, as the several-servers test runs it); 0 turns the job off (the CLI's
   * reminders:run still works).
   */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().min(0).max(10_080).default(60),
  /** How many days before a condition's due date or a planned decision the first reminder goes out. */
  REMINDER_DAYS_AHEAD: z.coerce.number().int().min(0).max(365).default(7),
  INFORMATION_SECURITY_SCALE: InformationSecurityScale,
  /** The largest attachment taken, in bytes (25 MB); a larger one is refused with 413. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_ATTACHMENT_MAX_BYTES),
  /**
   * A directory to keep attachments in, each under its SHA-256; unset, they are kept in the database.
   * Either way they are in the backup (the CLI's backup reads the files into it).
   */
  ATTACHMENT_DIR: z.string().min(1).optional(),
  /**
   * ClamAV's daemon: a unix socket's path (/run/clamav/clamd.ctl) or host:port. Set, every attachment is
   * scanned first and refused when infected or when clamd does not answer; unset, attachments are stored unscanned.
   */
  CLAMD_SOCKET: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseClamdAddress(v) !== null, "CLAMD_SOCKET is a unix socket's path or host:port"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * On SIGTERM or SIGINT the server stops taking connections and lets the requests under way finish
   * for at most this many seconds (an export, an upload); then it closes the rest and exits anyway.
   * Keep it below the process manager's own limit (systemd's TimeoutStopSec, Kubernetes'
   * terminationGracePeriodSeconds, 30 s by default).
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3_600).default(20),
});

export type Config = z.infer<typeof EnvSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

type SandboxAddressConfig = Pick<Config, "HOST" | "PUBLIC_URL" | "SANDBOX_PORT" | "SANDBOX_PUBLIC_URL" | "SANDBOX_TLS_NAMES">;

/** The emulator's host: SANDBOX_PUBLIC_URL's, else PUBLIC_URL's, else the address it listens on (localhost for a wildcard). */
function sandboxPublicHost(config: SandboxAddressConfig): string {
  if (config.SANDBOX_PUBLIC_URL) return hostOf(config.SANDBOX_PUBLIC_URL);
  return config.PUBLIC_URL ? hostOf(config.PUBLIC_URL) : reachableHost(config.HOST);
}

/**
 * The one address the emulator goes by, in the WSDLs, ServiceAdress, the environment API and pages
 * alike: SANDBOX_PUBLIC_URL, else https://{sandboxPublicHost}:{SANDBOX_PORT}; null when no emulator runs.
 * With SANDBOX_PUBLIC_URL but no SANDBOX_PORT the emulator runs on another app server (it runs on
 * one only), and this one's pages show the same address as that one's.
 */
export function sandboxPublicUrl(config: SandboxAddressConfig): string | null {
  if (config.SANDBOX_PORT === undefined) return config.SANDBOX_PUBLIC_URL ?? null;
  return config.SANDBOX_PUBLIC_URL ?? httpsOrigin(sandboxPublicHost(config), config.SANDBOX_PORT);
}

/** Every name the emulator's server certificate carries: the loopback names, its public host and SANDBOX_TLS_NAMES. */
export function sandboxServerNames(config: SandboxAddressConfig): string[] {
  return [...new Set([...LOOPBACK_NAMES, sandboxPublicHost(config).toLowerCase(), ...config.SANDBOX_TLS_NAMES])];
}
