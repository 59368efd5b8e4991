import { z } from "zod";
import { CSRF_COOKIE, SESSION_COOKIE } from "../src/http/cookies.ts";

export type Credentials = { email: string; password: string };

function cookieFrom(response: Response, name: string): string {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    if (pair?.startsWith(`${name}=`)) return pair;
  }
  throw new Error(`${response.url}: answered ${response.status} without a ${name} cookie`);
}

/**
 * Logs in through the form as a browser does (CSRF cookie from GET /login, echoed in `_csrf`) and
 * returns the Cookie header a browser would then send: the session and the session's CSRF cookie
 * (login rotates it), so page requests do not set a new one each time.
 */
export async function sessionCookieHeader(baseUrl: string, { email, password }: Credentials): Promise<string> {
  const loginPage = await fetch(`${baseUrl}/login`);
  await loginPage.body?.cancel();
  const csrf = cookieFrom(loginPage, CSRF_COOKIE);
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf },
    body: new URLSearchParams({ _csrf: csrf.slice(CSRF_COOKIE.length + 1), email, password, next: "/" }),
  });
  await response.body?.cancel();
  if (response.status !== 303) throw new Error(`POST /login as ${email}: expected 303, got ${response.status}`);
  return `${cookieFrom(response, SESSION_COOKIE)}; ${cookieFrom(response, CSRF_COOKIE)}`;
}

const LoginResponse = z.object({ token: z.string().min(1) });

/** A bearer token from the API's own login, as an integration would get one. */
export async function bearerToken(baseUrl: string, credentials: Credentials): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`POST /api/v1/auth/login as ${credentials.email}: got ${response.status}`);
  return LoginResponse.parse(await response.json()).token;
}
