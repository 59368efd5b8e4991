/**
 * The little of oidc-provider's API the tests use (the package ships no types; its DefinitelyTyped
 * types would be one more dependency for four members).
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Context = { body: unknown; oidc?: { route?: string } };
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        jwks: { keys: Record<string, unknown>[] };
        cookies: { keys: string[] };
        claims: Record<string, string[]>;
        conformIdTokenClaims: boolean;
        pkce: { required: () => boolean };
        findAccount: (ctx: unknown, sub: string) => Promise<Account | undefined>;
      },
    );
    use(middleware: (ctx: Context, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
