import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../src/cli/demo-seed.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { assetUrl } from "../../src/ui/static-assets.ts";
import { browser, startTestApp, type TestApp } from "../support/test-app.ts";
import type { Browser } from "../support/test-world.ts";

/*
 * Issue 16: every page's HTML stays within 60 KB for the demo data (what a fresh embedded database
 * gets), pages and CSS go out compressed, and the static assets under their hashed names are
 * cached for a year. The pages are every GET page route the app registers, with its path
 * parameters filled from the demo data; a route whose parameters the demo has nothing for
 * (no flows, risks, benefits, reporting rounds, sandbox calls…) is left out, and so are the
 * downloads (.docx, .pdf, .csv, .xlsx, .pem, a message's body). Each URL is measured as the first
 * demo person it answers with a page, those with the most rights first (they see the edit forms).
 *
 * PAGE_WEIGHT_OUT=<file> writes every measured size there, largest first (for a report).
 */
const LIMIT = 60 * 1024;

// The projektledare of each demo organisation first, then the roles that see other pages.
const PEOPLE = [
  "projektledare@sundsvall.example",
  "projektledare@rvn.example",
  "projektledare@skatteverket.example",
  "konsult@formedlare.example",
  "verksamhetsagare@sundsvall.example",
  "styrgrupp@sundsvall.example",
  "forvaltning@digg.example",
  "admin@ansluta.example",
];

const DOWNLOAD = /\.(docx|pdf|csv|xlsx|pem)$|\/body$|\/attachments\/:index$/;
// Pages that are not a signed-in person's reading of the demo: a sign-in under way, an invitation's link.
const NOT_A_PAGE = new Set(["/login/oidc/:providerId", "/login/oidc/callback", "/invitation/:token", "/assets/*"]);

type Params = Record<string, string>;

describe("page weight for the demo data", { timeout: 300_000 }, () => {
  let t: TestApp;
  const sessions: Browser[] = [];
  const sizes: { url: string; bytes: number; as: string }[] = [];
  const skipped: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.db, new Date());
    for (const email of PEOPLE) {
      const b = browser(t.app);
      await b.login(email, DEMO_PASSWORD);
      sessions.push(b);
    }
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  const rows = async <R>(query: string): Promise<R[]> => ((await t.db.execute(sql.raw(query))) as unknown as { rows: R[] }).rows;

  /** Every demo value for each set of path parameters a page route takes, keyed by the sorted names. */
  async function parameterValues(): Promise<Map<string, Params[]>> {
    const initiatives = (await rows<{ id: string }>("select id from initiatives order by created_at")).map((r) => r.id);
    const firstActivities = methodV12.phases.flatMap((p) => p.activities.slice(0, 1).map((a) => a.id));
    const sources: Params[][] = [
      initiatives.map((initiativeId) => ({ initiativeId })),
      (await rows<{ id: string }>("select id from organisations")).map((r) => ({ organisationId: r.id })),
      (await rows<{ o: string; u: string }>("select organisation_id as o, user_id as u from memberships")).map((r) => ({
        organisationId: r.o,
        userId: r.u,
      })),
      initiatives.flatMap((initiativeId) => firstActivities.map((activityId) => ({ initiativeId, activityId }))),
      initiatives.flatMap((initiativeId) => methodV12.milestones.map((m) => ({ initiativeId, numeral: m.numeral }))),
      (await rows<{ id: string }>("select id from deliverables")).map((r) => ({ deliverableId: r.id })),
      (await rows<{ id: string }>("select id from milestone_decisions")).map((r) => ({ decisionId: r.id })),
      (await rows<{ d: string; i: number }>("select decision_id as d, condition_index as i from condition_followups")).map((r) => ({
        decisionId: r.d,
        conditionIndex: String(r.i),
      })),
      (await rows<{ id: string }>("select id from message_flows")).map((r) => ({ flowId: r.id })),
      (await rows<{ id: string }>("select id from risks")).map((r) => ({ riskId: r.id })),
      (await rows<{ id: string }>("select id from reserve_plans")).map((r) => ({ planId: r.id })),
      (await rows<{ id: string }>("select id from benefits")).map((r) => ({ benefitId: r.id })),
      (await rows<{ id: string }>("select id from reporting_rounds")).map((r) => ({ roundId: r.id })),
      (await rows<{ id: string }>("select id from oidc_providers")).map((r) => ({ providerId: r.id })),
      methodV12.phases.map((p) => ({ number: String(p.number) })),
      methodV12.milestones.map((m) => ({ numeral: m.numeral })),
      methodV12.deliverableTypes.map((d) => ({ id: d.id })),
    ];
    const byKeys = new Map<string, Params[]>();
    for (const source of sources) {
      const first = source[0];
      if (first) byKeys.set(Object.keys(first).sort().join(","), source);
    }
    return byKeys;
  }

  it("keeps every page of the demo within 60 KB", async () => {
    const values = await parameterValues();
    const routes = t.app.allRoutes
      .filter((r) => r.method === "GET" && !r.url.startsWith("/api/") && !DOWNLOAD.test(r.url) && !NOT_A_PAGE.has(r.url))
      .map((r) => r.url);
    const urls: string[] = [];
    for (const route of new Set(routes)) {
      const names = [...route.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? "");
      if (names.length === 0) {
        urls.push(route);
        continue;
      }
      const fills = values.get([...names].sort().join(","));
      if (!fills) {
        skipped.push(route);
        continue;
      }
      for (const fill of fills) urls.push(route.replace(/:([A-Za-z]+)/g, (_, name: string) => fill[name] ?? ""));
    }

    const tooHeavy: string[] = [];
    for (const url of urls) {
      for (const [i, session] of sessions.entries()) {
        const res = await session.get(url);
        if (res.statusCode !== 200 || !String(res.headers["content-type"]).startsWith("text/html")) continue;
        const bytes = res.rawPayload.length;
        sizes.push({ url, bytes, as: PEOPLE[i] ?? "" });
        if (bytes > LIMIT) tooHeavy.push(`${url} ${bytes} B as ${PEOPLE[i]}`);
        break;
      }
    }
    if (process.env.PAGE_WEIGHT_OUT) {
      const report = { sizes: [...sizes].sort((a, b) => b.bytes - a.bytes), skipped };
      writeFileSync(process.env.PAGE_WEIGHT_OUT, JSON.stringify(report, null, 1));
    }
    // The demo reaches the pages this issue names.
    const measured = new Set(sizes.map((s) => s.url));
    for (const page of [
      "/",
      "/organisations",
      "/portfolio",
      "/portfolio/plan",
      "/method",
      "/method/phases/1",
      "/admin/identity-providers",
    ]) {
      expect(measured, page).toContain(page);
    }
    expect(sizes.filter((s) => /^\/initiatives\/[^/]+$/.test(s.url)).length).toBeGreaterThanOrEqual(4);
    expect(tooHeavy).toEqual([]);
  });

  it("sends pages and CSS compressed with brotli, or gzip for a client without it", async () => {
    const [pl] = sessions;
    const cookie = [...(pl?.jar ?? [])].map(([k, v]) => `${k}=${v}`).join("; ");
    for (const url of ["/", "/initiatives", assetUrl("ansluta.css"), assetUrl("designsystemet/index.css")]) {
      const br = await t.app.inject({ method: "GET", url, headers: { cookie, "accept-encoding": "br, gzip" } });
      expect(br.statusCode, url).toBe(200);
      expect(br.headers["content-encoding"], url).toBe("br");
      const gzip = await t.app.inject({ method: "GET", url, headers: { cookie, "accept-encoding": "gzip" } });
      expect(gzip.headers["content-encoding"], url).toBe("gzip");
    }
  });

  it("caches the static assets under their hashed names for a year", async () => {
    for (const name of ["ansluta.css", "ansluta.js", "designsystemet/index.css", "fonts/inter.css", "fonts/inter-latin-400-normal.woff2"]) {
      const res = await t.app.inject({ method: "GET", url: assetUrl(name) });
      expect(res.statusCode, name).toBe(200);
      expect(res.headers["cache-control"], name).toBe("public, max-age=31536000, immutable");
    }
    // The page links them under those names.
    const page = await sessions[0]?.get("/");
    expect(page?.body).toContain(assetUrl("ansluta.css"));
    expect(page?.body).toContain(assetUrl("ansluta.js"));
  });
});
