import { describe, expect, it } from "vitest";
import { PNG } from "../../src/attachments/testing/sample-files.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { registerProvider } from "../../src/domain/oidc/manage-providers.ts";
import { ProviderInput } from "../../src/domain/oidc/provider-rules.ts";
import { Attachment } from "../../src/http/routes/attachments/attachments.schema.ts";
import { Benefit, Measurement } from "../../src/http/routes/benefits/benefits.schema.ts";
import { CommunicationList } from "../../src/http/routes/communications/communications.schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { ForecastVersion } from "../../src/http/routes/forecast-versions/forecast-versions.schema.ts";
import { CreatedToken } from "../../src/http/routes/identity/identity.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { Invitation, OrganisationList } from "../../src/http/routes/organisations/organisations.schema.ts";
import { Partner } from "../../src/http/routes/partners/partners.schema.ts";
import { Round, Submission } from "../../src/http/routes/reporting/reporting.schema.ts";
import { Comment, Review } from "../../src/http/routes/reviews/reviews.schema.ts";
import { ReservePlan } from "../../src/http/routes/risks/reserve-plans.schema.ts";
import { Risk } from "../../src/http/routes/risks/risks.schema.ts";
import { OwnRecipient, TrustedCa } from "../../src/http/routes/sandbox/sandbox-setup.schema.ts";
import { TacticAlternative } from "../../src/http/routes/tactics/tactics.schema.ts";
import { milestoneByNumeral } from "../../src/method/lookup.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { makePersonalIdentityNumber } from "../../src/sandbox/recipients/identity-numbers.ts";
import { createTestCa } from "../../src/sandbox/tls/test-ca.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { multipart } from "../support/multipart.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Walks EVERY route the app serves, API and pages, as a member of organisation B aimed at
 * organisation A's resources, and expects 403 or 404. A route added later without the tenancy
 * check fails here; a route with a new path parameter fails until it gets a fixture below.
 */

// Routes that act only on the caller's own account: they answer the outsider, but must not leak A.
const SELF_SCOPED = new Set([
  "POST /api/v1/auth/logout",
  "GET /api/v1/me",
  "PATCH /api/v1/me",
  "GET /api/v1/me/tokens",
  "POST /api/v1/me/tokens",
  "DELETE /api/v1/me/tokens/:tokenId",
  "GET /api/v1/organisations",
  "GET /api/v1/initiatives",
  "GET /api/v1/communications",
  "GET /api/v1/me/tasks",
  // Any projektledare reads the rounds; a round shows her only her own organisations' initiatives.
  "GET /api/v1/reporting-rounds",
  "GET /api/v1/reporting-rounds/:roundId",
  "GET /",
  "GET /settings",
  "GET /inbox",
  "GET /organisations",
  // The active organisation's initiatives, and the form to start one there; posting it names
  // the organisation, so "POST /initiatives/new" is walked like any other route.
  "GET /initiatives",
  "GET /initiatives/new",
  "POST /logout",
  "POST /language",
  "POST /settings/language",
  "POST /settings/tokens",
  "POST /settings/tokens/:tokenId/revoke",
  // The delivery validator: checks the XML it is given, holds no tenant data.
  "POST /api/v1/sandbox/validate",
  "GET /sandbox/validate",
  "POST /sandbox/validate",
  // The installation's test CA certificate: public key material, the same for everyone.
  "GET /api/v1/sandbox/ca.pem",
  "GET /sandbox/ca.pem",
  // Links the caller's own account to a provider's identity: starts a sign-in for her alone.
  "POST /settings/identities/:providerId",
]);

// Public or anonymous by design (no tenant data behind them).
const PUBLIC_PAGES = new Set([
  "GET /login",
  "POST /login",
  // Signing in with an identity provider: the providers are the installation's, the sign-in the browser's own.
  "GET /login/oidc/:providerId",
  "GET /login/oidc/callback",
  "GET /accessibility",
  "GET /healthz",
  "GET /livez",
  "GET /api/openapi.json",
  // Open data: only initiatives their organisation marked publishable (tests/integration/open-data.test.ts).
  "GET /api/v1/open-data/connections.json",
  "GET /api/v1/open-data/connections.csv",
  "GET /assets/*",
  "GET /favicon.ico",
  "GET /invitation/:token",
  "POST /invitation/:token",
  "GET /method",
  "GET /method/phases/:number",
  "GET /method/milestones/:numeral",
  "GET /method/deliverables/:id",
]);

// Admin-only routes: not tenant data, but the outsider must still be refused.
const BODIES: Record<string, unknown> = {
  "POST /api/v1/reporting-rounds": { name: "Utomståendes omgång", deadline: "2099-12-31" },
  "PUT /api/v1/initiatives/:initiativeId/business-case": { startYear: 2027, horizonYears: 3, discountRate: 0.03 },
  "PUT /api/v1/initiatives/:initiativeId/business-case/effect-chain": { nodes: [], links: [] },
  "POST /api/v1/initiatives/:initiativeId/risks": { title: "Intrång", category: "teknik", probability: 1, consequence: 1 },
  "PUT /api/v1/risks/:riskId": { title: "Intrång", category: "teknik", probability: 1, consequence: 1 },
  "POST /api/v1/initiatives/:initiativeId/reserve-plans": { outage: "mina_meddelanden", duration: "kort", fallback: "Intrång" },
  "PUT /api/v1/reserve-plans/:planId": { outage: "mina_meddelanden", duration: "kort", fallback: "Intrång" },
  "POST /api/v1/initiatives/:initiativeId/benefits": {
    name: "Intrång",
    metric: "Brev",
    unit: "brev",
    baselineValue: 1,
    baselineDate: "2026-01-01",
    targetValue: 0,
    targetDate: "2026-12-31",
  },
  "PUT /api/v1/benefits/:benefitId": {
    name: "Intrång",
    metric: "Brev",
    unit: "brev",
    baselineValue: 1,
    baselineDate: "2026-01-01",
    targetValue: 0,
    targetDate: "2026-12-31",
  },
  "POST /api/v1/benefits/:benefitId/measurements": { date: "2026-06-30", value: 1 },
  "POST /api/v1/organisations": { name: "Intrång AB", number: "5566778899", kind: "privat" },
  "PATCH /api/v1/organisations/:organisationId": { requiresSecondApprover: false },
  "PUT /api/v1/organisations/:organisationId/sign-in-provider": { providerId: null },
  "POST /api/v1/organisations/:organisationId/members": { email: "intruder@test.example", name: "Intruder", roles: ["projektledare"] },
  "PUT /api/v1/organisations/:organisationId/members/:userId": { roles: ["lasare"] },
  "POST /api/v1/initiatives": { organisationId: "", name: "Intrång" },
  "PUT /api/v1/initiatives/:initiativeId/activities/:activityId": { status: "done" },
  "POST /api/v1/initiatives/:initiativeId/deliverables": { deliverableTypeId: "riskanalys" },
  "PUT /api/v1/deliverables/:deliverableId/sections": { sections: {} },
  "POST /api/v1/deliverables/:deliverableId/status": { status: "for_granskning" },
  "POST /api/v1/deliverables/:deliverableId/reviews": { version: 1, reviewerIds: ["00000000-0000-4000-8000-000000000001"] },
  "POST /api/v1/reviews/:reviewId/verdict": { verdict: "approved" },
  "POST /api/v1/deliverables/:deliverableId/comments": { version: 1, sectionId: "risker", text: "Intrång" },
  "PUT /api/v1/initiatives/:initiativeId/milestones/:numeral/decision-points/:decisionPointId/preparation": { proposal: "Intrång" },
  "POST /api/v1/initiatives/:initiativeId/milestones/:numeral/decision": decisionBody("II"),
  "POST /api/v1/decisions/:decisionId/conditions/:conditionIndex/met": { note: "Intrång" },
  "PUT /api/v1/initiatives/:initiativeId/milestones/:numeral/plan": { plannedOn: "2027-01-01" },
  "PUT /api/v1/initiatives/:initiativeId/open-data": { publishable: true },
  "POST /api/v1/initiatives/:initiativeId/sandbox/conformance-report": { since: "2026-11-27T09:00:00Z" },
  "POST /api/v1/initiatives/:initiativeId/sandbox/load-tests": { targetRate: 1, durationSeconds: 60 },
  "PUT /api/v1/initiatives/:initiativeId/sandbox/environment": { enabled: true },
  "POST /api/v1/initiatives/:initiativeId/partners": { kind: "external", name: "Intrång", email: "intrang@test.example" },
  "POST /api/v1/initiatives/:initiativeId/flows": { name: "Intrång", recipientType: "privatperson", annualVolume: 1 },
  "PUT /api/v1/flows/:flowId": { name: "Intrång", recipientType: "privatperson", annualVolume: 1 },
  "POST /api/v1/initiatives/:initiativeId/forecast/versions": { reason: "Intrång" },
  "PUT /api/v1/flows/:flowId/actuals": [{ month: "2026-01", digital: 1, paper: 1 }],
  "PUT /api/v1/initiatives/:initiativeId/flow-settings": { priorityWeights: { volume: 1, processChange: 1, serviceImprovement: 1 } },
  "POST /api/v1/initiatives/:initiativeId/tactics": { tactic: "inget", name: "Intrång" },
  "PUT /api/v1/tactics/:alternativeId": { tactic: "inget", name: "Intrång" },
  "POST /api/v1/communications/:communicationId/read": {},
  "POST /api/v1/communications/:communicationId/answers": { text: "Intrång" },
  // Aimed at A's initiative (filled in below).
  "POST /api/v1/reporting-rounds/:roundId/submissions": {},
  "POST /api/v1/organisations/:organisationId/sandbox/trusted-cas": { certificatePem: "-----BEGIN CERTIFICATE-----" },
  "POST /api/v1/organisations/:organisationId/sandbox/recipients": {
    recipientId: "182005051238",
    accountType: "Secure",
    operatorId: "kivra",
    operatorBehaviour: "delivered",
  },
};

// Required query parameters, so the check reaches authorisation instead of stopping at a 400.
const QUERIES: Record<string, string> = {
  "GET /api/v1/deliverables/:deliverableId/export": "?format=pdf",
  "GET /api/v1/deliverables/:deliverableId/diff": "?from=1&to=1",
  "GET /api/v1/initiatives/:initiativeId/sandbox/conformance-report": "?format=pdf",
  "GET /api/v1/initiatives/:initiativeId/forecast/compare": "?a=00000000-0000-4000-8000-000000000003&b=current",
};

describe("tenant isolation on every route", () => {
  const world = useTestWorld();

  /**
   * Organisation A's resources, one for every path parameter: an initiative with a deliverable, a
   * prepared and decided milestone I and its communications, a samverkanspart, a token, a test CA,
   * an own recipient and an invitation. `n` keeps what must be unique apart between tests.
   */
  async function resourcesOfA(n: number): Promise<Record<string, string>> {
    const ownerOfA = await world.loginAs("plA");
    const tokenOfA = await postJson(ownerOfA, "/api/v1/me/tokens", { name: "A's token", expiresInDays: null }, CreatedToken);
    const va = await world.loginAs("vaA");
    const initiative = await world.seedInitiative({ name: "A:s initiativ", ready: true });
    const decided = await postJson(
      va,
      `/api/v1/initiatives/${initiative.id}/milestones/I/decision`,
      decisionBody("I", { outcome: "go_with_conditions", conditions: [{ text: "Villkor", owner: "Någon", dueDate: "2027-01-01" }] }),
      DecisionWithCommunications,
    );
    const deliverable = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/deliverables`,
      { deliverableTypeId: "riskanalys" },
      Deliverable,
    );
    // A review of A's document asking A's styrgrupp member, and a comment on it.
    const review = await postJson(
      ownerOfA,
      `/api/v1/deliverables/${deliverable.id}/reviews`,
      { version: 1, reviewerIds: [world.users.sgA] },
      Review,
    );
    const comment = await postJson(
      ownerOfA,
      `/api/v1/deliverables/${deliverable.id}/comments`,
      { version: 1, sectionId: deliverable.template[0]?.id ?? "", text: "A:s fråga" },
      Comment,
    );
    const upload = multipart({}, { name: "A:s bilaga.png", bytes: PNG });
    const attachment = Attachment.parse(
      (
        await world.app.inject({
          method: "POST",
          url: `/api/v1/deliverables/${deliverable.id}/attachments`,
          headers: { authorization: `Bearer ${ownerOfA.token}`, "content-type": upload.contentType },
          payload: upload.payload,
        })
      ).json(),
    );
    const communication = (await getJson(ownerOfA, "/api/v1/communications", CommunicationList)).communications.find(
      (c) => c.initiativeId === initiative.id,
    );
    // The outsider's organisation is A's samverkanspart: being told of A's decisions opens nothing of the initiative.
    const partner = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/partners`,
      { kind: "organisation", organisationNumber: world.orgB.number },
      Partner,
    );
    const flow = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_000 },
      Flow,
    );
    const version = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/forecast/versions`,
      { reason: "A:s omprognos" },
      ForecastVersion,
    );
    const alternative = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/tactics`,
      { tactic: "formedlare", name: "Via förmedlare", flowIds: [flow.id] },
      TacticAlternative,
    );
    const risk = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/risks`,
      { title: "A:s risk", category: "teknik", probability: 2, consequence: 3 },
      Risk,
    );
    const reservePlan = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/reserve-plans`,
      { flowId: flow.id, outage: "egen_integration", duration: "lang", fallback: "Papperspost", fallbackAfterHours: 24 },
      ReservePlan,
    );
    const benefit = await postJson(
      ownerOfA,
      `/api/v1/initiatives/${initiative.id}/benefits`,
      {
        name: "A:s nytta",
        metric: "Brev",
        unit: "brev",
        baselineValue: 10,
        baselineDate: "2026-01-01",
        targetValue: 1,
        targetDate: "2027-01-01",
      },
      Benefit,
    );
    const measurement = await postJson(
      ownerOfA,
      `/api/v1/benefits/${benefit.id}/measurements`,
      { date: "2026-06-30", value: 5 },
      Measurement,
    );
    // A's uploaded test CA and own synthetic recipient, so their delete routes have A's ids to aim at.
    const trustedCa = await postJson(
      ownerOfA,
      `/api/v1/organisations/${world.orgA.id}/sandbox/trusted-cas`,
      { certificatePem: (await createTestCa({ modulusLength: 1024 })).certificatePem },
      TrustedCa,
    );
    const ownRecipient = await postJson(
      ownerOfA,
      `/api/v1/organisations/${world.orgA.id}/sandbox/recipients`,
      { recipientId: makePersonalIdentityNumber("1820-05-05", 120 + n), accountType: "Not" },
      OwnRecipient,
    );
    const invitation = await postJson(
      ownerOfA,
      `/api/v1/organisations/${world.orgA.id}/members`,
      { email: `invitee-${n}@test.example`, name: "Invitee", roles: ["lasare"] },
      Invitation,
    );
    // A reporting round with A's report in it.
    const round = await postJson(
      await world.loginAs("fg"),
      "/api/v1/reporting-rounds",
      { name: `Isoleringens omgång ${n}`, deadline: "2099-12-31" },
      Round,
    );
    const submission = await postJson(
      ownerOfA,
      `/api/v1/reporting-rounds/${round.id}/submissions`,
      { initiativeId: initiative.id, comment: "A:s rapport" },
      Submission,
    );
    // An identity provider: the installation's, not A's; its admin routes must refuse the outsider all the same.
    const provider = await registerProvider({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      secrets: TEST_SECRETS,
      input: ProviderInput.parse({
        issuer: "https://idp.isolation.example",
        clientId: "ansluta",
        clientSecret: "hemlig",
        displayName: `Isoleringens tjänst ${n}`,
        emailDomains: "",
        scopes: "",
      }),
    });
    return {
      providerId: provider.id,
      // Any id: the admin routes refuse an outsider before they look for it.
      mappingId: "00000000-0000-4000-8000-0000000000aa",
      roundId: round.id,
      submissionId: submission.id,
      organisationId: world.orgA.id,
      invitationId: invitation.invitationId,
      userId: world.users.plA,
      tokenId: tokenOfA.apiToken.id,
      initiativeId: initiative.id,
      activityId: initiative.phases[0]?.activities[0]?.id ?? "",
      deliverableId: deliverable.id,
      reviewId: review.id,
      commentId: comment.id,
      numeral: "II",
      decisionId: decided.id,
      attachmentId: attachment.id,
      conditionIndex: "0",
      decisionPointId: milestoneByNumeral(methodV12, "II").decisionPoints[0]?.id ?? "",
      communicationId: communication?.id ?? "",
      partnerId: partner.id,
      flowId: flow.id,
      versionId: version.id,
      alternativeId: alternative.id,
      riskId: risk.id,
      planId: reservePlan.id,
      benefitId: benefit.id,
      measurementId: measurement.id ?? "",
      caId: trustedCa.id,
      recipientRowId: ownRecipient.id,
      // The test-run view and load tests look up the initiative first; their own tests
      // (sandbox-test-run, sandbox-load-test) aim an outsider at real calls and runs.
      callId: "00000000-0000-4000-8000-000000000001",
      position: "0",
      index: "0",
      loadTestId: "00000000-0000-4000-8000-000000000002",
    };
  }

  const fill = (url: string, params: Record<string, string>) =>
    url.replace(/:(\w+)/g, (_m, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`no fixture for path parameter :${name} in ${url}: add one to tenant-isolation.test.ts`);
      return value;
    });

  it("refuses every API route aimed at another organisation", async () => {
    const params = await resourcesOfA(1);
    const outsider = await world.loginAs("plB");
    const checked: string[] = [];
    // Logging out revokes the outsider's token, so it goes last.
    const routes = [...world.app.apiRoutes].sort(
      (a, b) => Number(a.url === "/api/v1/auth/logout") - Number(b.url === "/api/v1/auth/logout"),
    );
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (r.access === "public") continue;
      const url = fill(r.url, params) + (QUERIES[key] ?? "");
      const body =
        key === "POST /api/v1/initiatives"
          ? { ...(BODIES[key] as object), organisationId: world.orgA.id }
          : key === "POST /api/v1/reporting-rounds/:roundId/submissions"
            ? { initiativeId: params.initiativeId }
            : (BODIES[key] ?? (r.body ? {} : undefined));
      const res =
        r.method === "GET"
          ? await outsider.get(url)
          : r.method === "DELETE"
            ? await outsider.delete(url)
            : r.method === "PUT"
              ? await outsider.put(url, body)
              : r.method === "PATCH"
                ? await outsider.patch(url, body)
                : await outsider.post(url, body);
      if (SELF_SCOPED.has(key)) {
        expect(res.body, key).not.toContain(world.orgA.id);
        expect(res.body, key).not.toContain(world.emails.plA);
        if (key === "DELETE /api/v1/me/tokens/:tokenId") expect(res.statusCode, key).toBe(404);
      } else {
        if (r.body && !(key in BODIES))
          throw new Error(`${key} takes a body: add a valid one to BODIES so the check reaches authorisation`);
        expect([403, 404], `${key} answered ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
      }
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThan(8);
    // Files are refused before they are read: the imports, whose bodies are files rather than JSON.
    expect(checked).toContain("POST /api/v1/initiatives/:initiativeId/actuals/import");
    expect(checked).toContain("POST /api/v1/initiatives/:initiativeId/flows/import");
    expect(checked).toContain("POST /api/v1/benefits/:benefitId/measurements/import");
  });

  it("refuses every page aimed at another organisation", async () => {
    const params = await resourcesOfA(2);
    const session = await world.browserAs("plB");
    const checked: string[] = [];
    const routes = [...world.app.allRoutes].sort((a, b) => Number(a.url === "/logout") - Number(b.url === "/logout"));
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (r.url.startsWith("/api/") || PUBLIC_PAGES.has(key) || SELF_SCOPED.has(key)) continue;
      const url = fill(r.url, params);
      const res = r.method === "GET" ? await session.get(url) : await session.post(url, { roles: "lasare", organisationId: world.orgA.id });
      expect([403, 404], `${key} answered ${res.statusCode}`).toContain(res.statusCode);
      expect(res.body, key).not.toContain(world.emails.plA);
      checked.push(key);
    }
    expect(checked).toContain("GET /organisations/:organisationId");
    expect(checked).toContain("POST /session/organisation");
    expect(checked).toContain("POST /initiatives/:initiativeId/actuals/import/commit");
  });

  it("lists only the caller's organisations to a member", async () => {
    const outsider = await world.loginAs("plB");
    const res = await getJson(outsider, "/api/v1/organisations", OrganisationList);
    expect(res.organisations.map((o) => o.id)).toEqual([world.orgB.id]);
  });
});
