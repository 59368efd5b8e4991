import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (panva's oidc-provider, OpenID-certified) inside the test process,
 * on a random port of this machine, with one client for Ansluta and a few accounts. The tests sign
 * in at it as a browser would (its development login and consent forms) and can make its token
 * endpoint answer with an ID token altered on the way out, to see Ansluta refuse it.
 */
export type TestAccount = { email?: string; email_verified?: boolean; name?: string; groups?: string[] };

/** How the next token responses' ID token is altered: the provider's own token otherwise. */
export type Tamper =
  /** A claim changed and the signature left as it was. */
  | { kind: "payload_changed" }
  /** Re-signed with the provider's own key, so only the claims are wrong. */
  | { kind: "claims"; claims: Record<string, unknown> }
  | null;

export const TEST_CLIENT = { clientId: "ansluta-test", clientSecret: "test-client-secret-0123456789" } as const;

export type TestProvider = {
  issuer: string;
  setTamper(tamper: Tamper): void;
  /**
   * Follows the authorization URL as a browser: signs in as `accountId` and consents, and returns
   * the URL the provider sends the browser back to (Ansluta's callback with code and state).
   */
  signIn(authorizationUrl: string, accountId: string, options?: { abort?: boolean }): Promise<URL>;
  /**
   * Follows an end-session URL (RP-initiated logout) as a browser: confirms at the provider and
   * returns where it sends the browser back to. Throws when the provider refuses the request.
   */
  logOut(endSessionUrl: string): Promise<URL>;
  close(): Promise<void>;
};

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An RS256 JWT re-signed after its payload is changed: what a provider with the right key would have issued. */
function resign(jwt: string, key: KeyObject, change: (payload: Record<string, unknown>) => Record<string, unknown>) {
  const [header = "", payload = ""] = jwt.split(".");
  const body = b64url(change(JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>));
  const signature = sign("sha256", Buffer.from(`${header}.${body}`), key).toString("base64url");
  return `${header}.${body}.${signature}`;
}

export async function startTestProvider({
  redirectUri,
  accounts,
  postLogoutRedirectUri,
  claimsInIdToken = true,
}: {
  redirectUri: string;
  accounts: Record<string, TestAccount>;
  /** Where the provider may send the browser after logging out (the client's post_logout_redirect_uris). */
  postLogoutRedirectUri?: string;
  /** False: e-mail, name and groups only from userinfo, as the core spec has it for scope claims. */
  claimsInIdToken?: boolean;
}): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  let tamper: Tamper = null;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
        ...(postLogoutRedirectUri ? { post_logout_redirect_uris: [postLogoutRedirectUri] } : {}),
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // The ID token carries the scopes' claims, as Entra ID and Keycloak put e-mail and name in it
    // (unless the test asks for them in userinfo only).
    conformIdTokenClaims: !claimsInIdToken,
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => {
      const account = accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (!tamper || ctx.oidc?.route !== "token" || !body?.id_token) return;
    const t = tamper;
    if (t.kind === "payload_changed") {
      const [header, payload = "", signature] = body.id_token.split(".");
      const changed = { ...(JSON.parse(Buffer.from(payload, "base64url").toString()) as object), sub: "someone-else" };
      body.id_token = `${header}.${b64url(changed)}.${signature}`;
    } else {
      body.id_token = resign(body.id_token, privateKey, (p) => ({ ...p, ...t.claims }));
    }
  });
  server.on("request", provider.callback());

  return {
    issuer,
    setTamper: (t) => {
      tamper = t;
    },
    async signIn(authorizationUrl, accountId, { abort = false } = {}) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      let form: URLSearchParams | null = null;
      for (let step = 0; step < 20; step++) {
        const res: Response = await fetch(url, {
          method: form ? "POST" : "GET",
          redirect: "manual",
          headers: {
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
            ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          ...(form ? { body: form.toString() } : {}),
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair = ""] = c.split(";");
          const at = pair.indexOf("=");
          const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
          if (value === "" || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
          else jar.set(name, value);
        }
        form = null;
        const location = res.headers.get("location");
        if (location) {
          const next = new URL(location, url);
          if (next.href.startsWith(redirectUri)) return next;
          url = next;
          continue;
        }
        const html: string = await res.text();
        if (res.status !== 200) throw new Error(`the test provider answered ${res.status}: ${html.slice(0, 500)}`);
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        const prompt: string | undefined = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
        if (!action || !prompt) throw new Error(`no form on the test provider's page: ${html.slice(0, 500)}`);
        if (abort) {
          const abortUrl = /href="([^"]*\/abort)"/.exec(html)?.[1];
          if (!abortUrl) throw new Error("no abort link on the test provider's page");
          url = new URL(abortUrl.replaceAll("&amp;", "&"), url);
          continue;
        }
        url = new URL(action.replaceAll("&amp;", "&"), url);
        form = new URLSearchParams(prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt });
      }
      throw new Error("the test provider did not send the browser back");
    },
    async logOut(endSessionUrl) {
      const jar = new Map<string, string>();
      const send = async (url: URL, form?: URLSearchParams) => {
        const res = await fetch(url, {
          method: form ? "POST" : "GET",
          redirect: "manual",
          headers: {
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
            ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          ...(form ? { body: form.toString() } : {}),
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair = ""] = c.split(";");
          const at = pair.indexOf("=");
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        return res;
      };
      let url = new URL(endSessionUrl);
      for (let step = 0; step < 10; step++) {
        const res = await send(url);
        const location = res.headers.get("location");
        if (location) {
          url = new URL(location, url);
          if (postLogoutRedirectUri && url.href.startsWith(postLogoutRedirectUri)) return url;
          continue;
        }
        const html = await res.text();
        if (res.status !== 200) throw new Error(`the test provider refused the logout (${res.status}): ${html.slice(0, 500)}`);
        // The provider's "do you want to sign out" form: answer yes.
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
        if (!action || !xsrf) throw new Error(`no logout form on the test provider's page: ${html.slice(0, 500)}`);
        const confirmed = await send(new URL(action.replaceAll("&amp;", "&"), url), new URLSearchParams({ xsrf, logout: "yes" }));
        const back = confirmed.headers.get("location");
        if (!back) throw new Error(`the test provider did not send the browser back after logout (${confirmed.status})`);
        return new URL(back, url);
      }
      throw new Error("the test provider's logout went round in circles");
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Where Ansluta's "on to the provider" page (ContinuePage) sends the browser: its meta refresh's URL, unescaped. */
export function continuedTo(html: string): string {
  const found = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1];
  if (!found) throw new Error(`not a page that sends the browser on: ${html.slice(0, 300)}`);
  return found.replaceAll("&amp;", "&");
}
