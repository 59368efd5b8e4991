import { z } from "zod";

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
  /** Set when a TLS-terminating proxy sits in front: cookies become Secure and X-Forwarded-* is trusted. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** The Mina meddelanden emulator's HTTPS port (mutual TLS), bound to HOST; unset, the emulator does not start. */
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
