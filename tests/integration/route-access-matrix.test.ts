import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PNG } from "../../src/attachments/testing/sample-files.ts";
import {
  conditionFollowups,
  memberships,
  milestoneDecisions,
  reportingSubmissions,
  sandboxEnvironments,
  sandboxEvents,
  sandboxMessages,
  userIdentities,
  users,
} from "../../src/db/schema.ts";
import { type Actor, SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationRole } from "../../src/domain/access/roles.ts";
import {
  ACTOR_CLASSES,
  type ActorClass,
  type Answer,
  actorClassName,
  expectedAnswer,
  ROUTE_ACCESS,
} from "../../src/domain/access/route-access.ts";
import { createPersonalToken, issueLoginToken } from "../../src/domain/identity/api-tokens.ts";
import { loadActor } from "../../src/domain/identity/load-actor.ts";
import { startSession } from "../../src/domain/identity/sessions.ts";
import { addMembership } from "../../src/domain/members/add-membership.ts";
import { findProvider, registerProvider } from "../../src/domain/oidc/manage-providers.ts";
import { addClaimMapping, grantLink } from "../../src/domain/oidc/provider-people.ts";
import { ClaimMappingInput, ProviderInput } from "../../src/domain/oidc/provider-rules.ts";
import { beginSignIn, newSignIn } from "../../src/domain/oidc/sign-in-with-provider.ts";
import { luhnCheckDigit } from "../../src/domain/shared/luhn.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { SESSION_COOKIE } from "../../src/http/cookies.ts";
import { Attachment } from "../../src/http/routes/attachments/attachments.schema.ts";
import { Benefit, BenefitList, Measurement } from "../../src/http/routes/benefits/benefits.schema.ts";
import { Communication } from "../../src/http/routes/communications/communications.schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Flow, FlowList } from "../../src/http/routes/flows/flows.schema.ts";
import { ForecastVersion } from "../../src/http/routes/forecast-versions/forecast-versions.schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { Invitation } from "../../src/http/routes/organisations/organisations.schema.ts";
import { Partner, PartnerList } from "../../src/http/routes/partners/partners.schema.ts";
import { Round, Submission } from "../../src/http/routes/reporting/reporting.schema.ts";
import { Comment, Review } from "../../src/http/routes/reviews/reviews.schema.ts";
import { ReservePlan, ReservePlanList } from "../../src/http/routes/risks/reserve-plans.schema.ts";
import { Risk, RiskList } from "../../src/http/routes/risks/risks.schema.ts";
import { OwnRecipient, TrustedCa } from "../../src/http/routes/sandbox/sandbox-setup.schema.ts";
import { LoadTest, LoadTestWithSummary } from "../../src/http/routes/sandbox/test-run.schema.ts";
import { TacticAlternative, TacticAlternativeList } from "../../src/http/routes/tactics/tactics.schema.ts";
import { messagesFor } from "../../src/i18n/index.ts";
import { milestoneByNumeral } from "../../src/method/lookup.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { makePersonalIdentityNumber } from "../../src/sandbox/recipients/identity-numbers.ts";
import { createTestCa } from "../../src/sandbox/tls/test-ca.ts";
import { sectionField } from "../../src/ui/pages/initiatives/deliverable-page.tsx";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { mailedInvitationToken } from "../support/mailbox.ts";
import { multipart } from "../support/multipart.ts";
import { startTestProvider, TEST_CLIENT, type TestProvider } from "../support/oidc-provider.ts";
import { PASSWORD } from "../support/test-app.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * The route × role × tenant matrix: every route the app serves, as every actor class of
 * src/domain/access/route-access.ts (anonymous, each role of the organisation that owns the
 * object, each role of another organisation, the förvaltningsgrupp, admin), aimed at real objects
 * of organisation A with a valid body, and the class of each answer compared with the table.
 * API routes get a bearer token, pages a session cookie and the CSRF token.
 *
 * Every case starts from the same state: a route that changes what later cases need (a decision,
 * a status, a removed member, a started load test) puts it back before each case (`before`), and a
 * case that spends its credentials (logout, switching organisation) gets fresh ones.
 */

/** A bearer token for the API; for pages the cookies and the CSRF token a browser would hold. */
type Credentials = { token: string | null; cookie: string; csrf: string };
type Caller = Credentials & { cls: ActorClass; name: string; actor: Actor | null };
type Case = { caller: Caller; n: number };
/** A form (pages) or JSON (API); `Xml` for the validator; `Upload` for the attachments' multipart uploads. */
type Body = Record<string, unknown> | Xml | Upload;
/** A file sent as multipart/form-data in the field `file` (with the form token on pages). */
class Upload {
  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
  ) {}
}
class Xml {
  constructor(
    readonly text: string,
    /** Another raw body's media type: the flow import's CSV. */
    readonly type = "application/xml",
  ) {}
}

type Fixture = {
  /** Appended to the URL: required query parameters. */
  query?: string | (() => string);
  /** A valid JSON body for the API, a valid form for a page. */
  body?: Body | ((c: Case) => Body);
  /** Runs before each case: puts back what an earlier case changed, and may give path parameters of its own. */
  before?: (c: Case) => Promise<Record<string, string> | undefined>;
  /** The case spends the caller's token or session: it gets fresh ones. */
  freshCredentials?: true;
  /** A cookie the browser holds besides its session's (the identity provider's sign-in under way). */
  cookie?: () => string;
};

const CSRF_REFUSED = [messagesFor("sv").errors.csrfTitle, messagesFor("en").errors.csrfTitle];
const MILESTONE = "II" as const;
const DECISION_POINT = milestoneByNumeral(methodV12, MILESTONE).decisionPoints[0]?.id ?? "";
const NEW_PASSWORD = "Matrisens-lösenord-1";

/** A valid organisationsnummer per case: third digit 6, Luhn check digit. */
const organisationNumber = (n: number) => {
  const nine = `556${String(n).padStart(6, "0")}`;
  return `${nine}${luhnCheckDigit(nine)}`;
};

/** The decision form's fields for the matrix's milestone: every point answered, a note for the förvaltningsgrupp. */
function decisionForm(): Record<string, string> {
  const fields: Record<string, string> = {
    outcome: "go",
    decidedOn: "2026-11-27",
    minutes: "Protokoll §4",
    note: "Volymerna stäms av i januari.",
  };
  for (const dp of milestoneByNumeral(methodV12, MILESTONE).decisionPoints) {
    fields[`answer-${dp.id}`] = "Ja";
    fields[`motivation-${dp.id}`] = "Underlaget stöder beslutet.";
  }
  return fields;
}

const LoadTests = z.object({ loadTests: z.array(LoadTest) });
const TrustedCas = z.object({ trustedCas: z.array(TrustedCa) });
const OwnRecipients = z.object({ recipients: z.array(OwnRecipient) });
const Communications = z.object({ communications: z.array(Communication) });

describe("route × role × tenant matrix", () => {
  // One world for the whole matrix: every case puts back what it needs (see above), and building the
  // objects every route is aimed at, with a person per actor class, takes far longer than one case.
  const world = useTestWorld();
  let owner: Api;
  let callers: Caller[];
  let params: Record<string, string>;
  let firstSection: string;
  let trustedCaPem: string;
  let counter = 0;
  const ownRecipientId = makePersonalIdentityNumber("1820-05-05", 123);
  /** Every route served, with what an API route declares: whether it takes a body, and its success status. */
  const served = new Map<string, { method: string; url: string; body: boolean; status?: number }>();

  /** A step of the fixture whose answer does not matter, only that it succeeded. */
  const succeeds = async (res: Promise<LightMyRequestResponse>, what: string) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  };

  /** A new invitation into A, as its projektledare sends it, and the one-time link in the invitee's mail. */
  const freshInvitation = async (n: number) => {
    const email = `invited-${n}@matrix.test`;
    const invited = await postJson(
      owner,
      `/api/v1/organisations/${world.orgA.id}/members`,
      { email, name: `Inbjuden ${n}`, roles: ["lasare"] },
      Invitation,
    );
    return { token: await mailedInvitationToken(world.db, email), invitationId: invited.invitationId };
  };

  let idp: TestProvider | undefined;
  /** An identity provider at `issuer`, registered with the test client's credentials. */
  const providerAt = (issuer: string) =>
    registerProvider({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      secrets: TEST_SECRETS,
      input: ProviderInput.parse({
        issuer,
        clientId: TEST_CLIENT.clientId,
        clientSecret: TEST_CLIENT.clientSecret,
        displayName: "Matrisens inloggning",
        emailDomains: "",
        scopes: "",
      }),
    });

  /** The member whose roles the matrix changes and whom it removes, back in A as a läsare. */
  const victimInA = async () => {
    const userId = params.userId ?? "";
    const [found] = await world.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, world.orgA.id)));
    if (!found)
      await addMembership({ db: world.db, actor: SYSTEM_ACTOR, now: new Date(), userId, organisationId: world.orgA.id, roles: ["lasare"] });
    return undefined;
  };

  /** A decision names the one it supersedes: the current decision on the matrix's milestone, whichever case made it. */
  let currentDecision: string | null = null;
  const currentDecisionOfMilestone = async () => {
    const [latest] = await world.db
      .select({ id: milestoneDecisions.id })
      .from(milestoneDecisions)
      .where(and(eq(milestoneDecisions.initiativeId, params.initiativeId ?? ""), eq(milestoneDecisions.numeral, MILESTONE)))
      .orderBy(desc(milestoneDecisions.createdAt))
      .limit(1);
    currentDecision = latest?.id ?? null;
    return undefined;
  };

  /** A riskanalys written in full by A's projektledare, so another approver may fastställa it. */
  const freshDeliverable = async () => {
    const created = await postJson(
      owner,
      `/api/v1/initiatives/${params.initiativeId}/deliverables`,
      { deliverableTypeId: "riskanalys" },
      Deliverable,
    );
    await succeeds(
      owner.put(`/api/v1/deliverables/${created.id}/sections`, {
        sections: { risker: "Sen leverans.", bedomning: "Hög.", atgarder: "Tidig beställning." },
      }),
      "write deliverable",
    );
    return { deliverableId: created.id };
  };

  /** A fresh document whose review asks the caller when they are a member of A, and A's styrgrupp member otherwise. */
  const reviewAsking = async (c: Case) => {
    const { deliverableId } = await freshDeliverable();
    const asked = c.caller.cls.kind === "own" && c.caller.actor ? c.caller.actor.userId : world.users.sgA;
    const review = await postJson(owner, `/api/v1/deliverables/${deliverableId}/reviews`, { version: 1, reviewerIds: [asked] }, Review);
    return { reviewId: review.id };
  };

  /** An open thread A's projektledare started: resolving it is the team's (or her own) to do. */
  const openComment = async () => {
    const comment = await postJson(
      owner,
      `/api/v1/deliverables/${params.deliverableId}/comments`,
      { version: 1, sectionId: firstSection, text: "Öppen fråga." },
      Comment,
    );
    return { commentId: comment.id };
  };

  const loadTestsUrl = () => `/api/v1/initiatives/${params.initiativeId}/sandbox/load-tests`;
  const runningLoadTests = async () => (await getJson(owner, loadTestsUrl(), LoadTests)).loadTests.filter((l) => l.status === "running");
  const noLoadTestRunning = async () => {
    for (const l of await runningLoadTests()) await succeeds(owner.post(`${loadTestsUrl()}/${l.id}/stop`), "stop load test");
    return undefined;
  };
  const aRunningLoadTest = async () => {
    const running = (await runningLoadTests())[0];
    return {
      loadTestId: running?.id ?? (await postJson(owner, loadTestsUrl(), { targetRate: 1, durationSeconds: 600 }, LoadTestWithSummary)).id,
    };
  };

  const trustedCasUrl = () => `/api/v1/organisations/${world.orgA.id}/sandbox/trusted-cas`;
  const listTrustedCas = async () => (await getJson(owner, trustedCasUrl(), TrustedCas)).trustedCas;
  const noTrustedCa = async () => {
    for (const ca of await listTrustedCas()) await succeeds(owner.delete(`${trustedCasUrl()}/${ca.id}`), "remove CA");
    return undefined;
  };
  const aTrustedCa = async () => ({
    caId: (await listTrustedCas())[0]?.id ?? (await postJson(owner, trustedCasUrl(), { certificatePem: trustedCaPem }, TrustedCa)).id,
  });

  const recipientsUrl = () => `/api/v1/organisations/${world.orgA.id}/sandbox/recipients`;
  const listRecipients = async () => (await getJson(owner, recipientsUrl(), OwnRecipients)).recipients;
  const noOwnRecipient = async () => {
    for (const r of await listRecipients()) await succeeds(owner.delete(`${recipientsUrl()}/${r.id}`), "remove recipient");
    return undefined;
  };
  const anOwnRecipient = async () => ({
    recipientRowId:
      (await listRecipients())[0]?.id ??
      (await postJson(owner, recipientsUrl(), { recipientId: ownRecipientId, accountType: "Not" }, OwnRecipient)).id,
  });

  const partnersUrl = () => `/api/v1/initiatives/${params.initiativeId}/partners`;
  const listPartners = async () => (await getJson(owner, partnersUrl(), PartnerList)).partners;
  const noPartner = async () => {
    for (const p of await listPartners()) await succeeds(owner.delete(`${partnersUrl()}/${p.id}`), "remove partner");
    return undefined;
  };
  const aPartner = async () => ({
    partnerId:
      (await listPartners())[0]?.id ??
      (await postJson(owner, partnersUrl(), { kind: "external", name: "Matrisens part", email: "part@matrix.test" }, Partner)).id,
  });

  const FLOW = { name: "Matrisens flöde", recipientType: "privatperson", annualVolume: 1200 };
  /** The flow form as a browser posts it: the per cents of the months are left at the even default. */
  const FLOW_FORM = {
    name: "Matrisens flöde",
    recipientType: "privatperson",
    annualVolume: "1 200",
    status: "identifierad",
    costPerLetterSek: "15",
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`seasonality.${i}`, "8,333"])),
  };
  const RISK = { title: "Matrisens risk", category: "teknik", probability: 3, consequence: 4 };
  const risksUrl = () => `/api/v1/initiatives/${params.initiativeId}/risks`;
  /** A risk of A's initiative: a case that deleted one leaves the next caller another. */
  const aRisk = async () => ({
    riskId: (await getJson(owner, risksUrl(), RiskList)).risks[0]?.id ?? (await postJson(owner, risksUrl(), RISK, Risk)).id,
  });
  /** The risk form as a browser posts it. */
  const RISK_FORM = { title: "Matrisens risk", category: "teknik", probability: "3", consequence: "4", status: "identifierad" };
  const RESERVE_PLAN = { outage: "mina_meddelanden", duration: "kort", fallback: "Papperspost" };
  const reservePlansUrl = () => `/api/v1/initiatives/${params.initiativeId}/reserve-plans`;
  /** A reserve plan of A's initiative: a case that deleted one leaves the next caller another. */
  const aReservePlan = async () => ({
    planId:
      (await getJson(owner, reservePlansUrl(), ReservePlanList)).plans[0]?.id ??
      (await postJson(owner, reservePlansUrl(), RESERVE_PLAN, ReservePlan)).id,
  });
  const BENEFIT = {
    name: "Matrisens nytta",
    metric: "Pappersbrev per månad",
    unit: "brev",
    baselineValue: 100,
    baselineDate: "2026-01-01",
    targetValue: 10,
    targetDate: "2027-12-31",
  };
  /** The benefit form as a browser posts it: Swedish numbers. */
  const BENEFIT_FORM = { ...BENEFIT, baselineValue: "1 000", targetValue: "10,5" };
  const benefitsUrl = () => `/api/v1/initiatives/${params.initiativeId}/benefits`;
  /** A benefit of A's initiative: a case that deleted one leaves the next caller another. */
  const aBenefit = async () => ({
    benefitId:
      (await getJson(owner, benefitsUrl(), BenefitList)).benefits[0]?.id ?? (await postJson(owner, benefitsUrl(), BENEFIT, Benefit)).id,
  });
  /** A stored measurement of A's benefit: a case that deleted one leaves the next caller another. */
  const aMeasurement = async () => {
    const { benefitId } = await aBenefit();
    const measured = await postJson(owner, `/api/v1/benefits/${benefitId}/measurements`, { date: "2026-06-30", value: 50 }, Measurement);
    return { benefitId, measurementId: measured.id ?? "" };
  };
  // The API takes a list of months; the matrix's bodies are objects, and a list is one.
  const ACTUALS = [{ month: "2026-01", digital: 1, paper: 2 }] as unknown as Body;
  /** A flow import the preview reads without an error (the API answers 200 without ?commit). */
  const IMPORT_CSV = "Namn;Mottagartyp;Årsvolym\nMatrisens import;privatperson;1 200\n";
  const flowsUrl = () => `/api/v1/initiatives/${params.initiativeId}/flows`;
  /** A flow of A's initiative: a case that deleted one leaves the next caller another. */
  const aFlow = async () => ({
    flowId: (await getJson(owner, flowsUrl(), FlowList)).flows[0]?.id ?? (await postJson(owner, flowsUrl(), FLOW, Flow)).id,
  });

  const ALTERNATIVE = { tactic: "formedlare", name: "Matrisens alternativ" };
  const EFFECT_CHAIN = {
    nodes: [
      { id: "matris-forandring", kind: "forandring", label: "Matrisens förändring" },
      { id: "matris-nytta", kind: "nytta", label: "Matrisens nytta" },
    ],
    links: [],
  };
  /** The effektkedja as the matrix's link cases need it: two parts a link may join, no link yet. */
  const twoParts = async () => {
    await owner.put(`/api/v1/initiatives/${params.initiativeId}/business-case/effect-chain`, EFFECT_CHAIN);
    return undefined;
  };
  const tacticsUrl = () => `/api/v1/initiatives/${params.initiativeId}/tactics`;
  /** An alternative of A's initiative: a case that deleted one leaves the next caller another. */
  const anAlternative = async () => ({
    alternativeId:
      (await getJson(owner, tacticsUrl(), TacticAlternativeList)).alternatives[0]?.id ??
      (await postJson(owner, tacticsUrl(), ALTERNATIVE, TacticAlternative)).id,
  });

  /** A personal token of the caller's own (anonymous has none: any id). */
  const ownToken = async ({ caller }: Case) => ({
    tokenId: caller.actor
      ? (await createPersonalToken({ db: world.db, actor: caller.actor, now: new Date(), name: "matrix", expiresInDays: 1 })).apiToken.id
      : randomUUID(),
  });

  /** The matrix's condition, not yet met: an earlier case may have marked it. */
  const conditionOpen = async () => {
    await world.db.delete(conditionFollowups);
    return undefined;
  };

  /** The round the matrix submits to, with no submission yet: an earlier case may have submitted. */
  const noSubmission = async () => {
    await world.db.delete(reportingSubmissions).where(eq(reportingSubmissions.roundId, params.submitRoundId ?? ""));
    return { roundId: params.submitRoundId ?? "" };
  };

  const FIXTURES: Record<string, Fixture> = {
    "POST /api/v1/reporting-rounds": { body: ({ n }) => ({ name: `Matrisomgång ${n}`, deadline: "2099-12-31" }) },
    "POST /reporting-rounds": {
      body: ({ n }) => ({ name: `Matrissidans omgång ${n}`, deadline: "2099-12-31", remindDaysBefore: "7", remindDaysAfter: "3" }),
    },
    "POST /api/v1/reporting-rounds/:roundId/close": { before: async () => ({ roundId: params.closeRoundId ?? "" }) },
    "POST /reporting-rounds/:roundId/close": { before: async () => ({ roundId: params.closeRoundId ?? "" }) },
    "POST /api/v1/reporting-rounds/:roundId/submissions": { before: noSubmission, body: () => ({ initiativeId: params.initiativeId }) },
    "POST /initiatives/:initiativeId/reporting/:roundId": { before: noSubmission, body: {} },
    "POST /api/v1/deliverables/:deliverableId/attachments": { body: new Upload("matris.png", PNG) },
    "POST /api/v1/decisions/:decisionId/attachments": { body: new Upload("matris.png", PNG) },
    "POST /deliverables/:deliverableId/attachments": { body: new Upload("matris.png", PNG) },
    "POST /decisions/:decisionId/attachments": { body: new Upload("matris.png", PNG) },
    "POST /api/v1/auth/login": { body: () => ({ email: world.emails.plA, password: PASSWORD }) },
    "POST /api/v1/auth/logout": { freshCredentials: true },
    "PATCH /api/v1/me": { body: { locale: "sv" } },
    "POST /api/v1/me/tokens": { body: { name: "matrix", expiresInDays: 1 } },
    "DELETE /api/v1/me/tokens/:tokenId": { before: ownToken },
    "POST /api/v1/invitations/:token/accept": { before: ({ n }) => freshInvitation(n), body: { password: NEW_PASSWORD } },
    "POST /login": { body: () => ({ email: world.emails.plA, password: PASSWORD, next: "/" }) },
    "POST /logout": { freshCredentials: true },
    "POST /language": { body: { locale: "sv", returnTo: "/" } },
    "POST /session/organisation": { freshCredentials: true, body: () => ({ organisationId: world.orgA.id, returnTo: "/" }) },
    "POST /settings/language": { body: { locale: "sv" } },
    "POST /settings/tokens": { body: { name: "matrix", expiresInDays: "1" } },
    "POST /settings/tokens/:tokenId/revoke": { before: ownToken },
    "POST /invitation/:token": { before: ({ n }) => freshInvitation(n), body: { password: NEW_PASSWORD, confirm: NEW_PASSWORD } },
    // A sign-in under way with the matrix's provider, which the person cancelled there: the callback shows the login page.
    "GET /login/oidc/callback": {
      before: async () => {
        const provider = await findProvider(world.db, params.providerId ?? "");
        if (!provider) throw new Error("the matrix's identity provider is gone");
        const attempt = newSignIn({ now: new Date(), provider, returnTo: "/" });
        await beginSignIn({ db: world.db, now: new Date(), attempt });
        params.oidcState = attempt.state;
        return undefined;
      },
      query: () => `?state=${params.oidcState}&error=access_denied`,
      cookie: () => `ansluta_oidc_state=${params.oidcState}`,
    },
    "POST /settings/identities/:providerId": { body: {} },
    "POST /admin/identity-providers": {
      body: ({ n }) => ({
        displayName: `Matrisens tjänst ${n}`,
        issuer: "https://idp.matrix.example",
        clientId: "ansluta",
        clientSecret: "hemlig",
      }),
    },
    "POST /admin/identity-providers/:providerId/enabled": { body: { enabled: "true" } },
    "POST /admin/identity-providers/:providerId/remove": {
      body: {},
      before: async ({ n }) => ({ providerId: (await providerAt(`https://idp-${n}.matrix.example`)).id }),
    },
    "POST /admin/identity-providers/:providerId": {
      body: { displayName: "Matrisens tjänst", clientId: TEST_CLIENT.clientId, clientSecret: "", emailDomains: "", scopes: "" },
    },
    "POST /admin/identity-providers/:providerId/mappings": {
      body: ({ n }) => ({ claimValue: `matris-${n}`, organisationNumber: world.orgA.number, roles: "lasare" }),
    },
    "POST /admin/identity-providers/:providerId/mappings/:mappingId/remove": {
      before: async ({ n }) => {
        const row = await addClaimMapping({
          db: world.db,
          actor: SYSTEM_ACTOR,
          now: new Date(),
          providerId: params.providerId ?? "",
          input: ClaimMappingInput.parse({ claimValue: `bort-${n}`, organisationNumber: world.orgA.number, roles: ["lasare"] }),
        });
        return { mappingId: row.id };
      },
    },
    "POST /admin/identity-providers/:providerId/link-grants": { body: () => ({ email: world.emails.plB }) },
    "POST /admin/identity-providers/:providerId/link-grants/:userId/revoke": {
      before: async () => {
        const granted = await grantLink({
          db: world.db,
          actor: SYSTEM_ACTOR,
          now: new Date(),
          providerId: params.providerId ?? "",
          email: world.emails.plB,
        });
        return { userId: granted.userId };
      },
    },
    "POST /admin/identity-providers/:providerId/identities/unlink": {
      before: async ({ n }) => {
        const provider = await findProvider(world.db, params.providerId ?? "");
        const user = await world.db.select({ id: users.id }).from(users).where(eq(users.email, world.emails.plB));
        await world.db
          .insert(userIdentities)
          .values({ issuer: provider?.issuer ?? "", subject: `matris-${n}`, userId: user[0]?.id ?? "" })
          .onConflictDoNothing();
        return undefined;
      },
      body: ({ n }) => ({ subject: `matris-${n}` }),
    },
    "POST /organisations/:organisationId/sign-in-provider": { body: { providerId: "" } },
    "PUT /api/v1/organisations/:organisationId/sign-in-provider": { body: { providerId: null } },
    "DELETE /api/v1/organisations/:organisationId/invitations/:invitationId": { before: ({ n }) => freshInvitation(n) },
    "POST /organisations/:organisationId/invitations/:invitationId/withdraw": { before: ({ n }) => freshInvitation(n) },

    "POST /api/v1/organisations": { body: ({ n }) => ({ name: `Matrisen ${n} AB`, number: organisationNumber(n), kind: "privat" }) },
    "POST /api/v1/organisations/:organisationId/members": {
      body: ({ n }) => ({ email: `member-${n}@matrix.test`, name: `Medlem ${n}`, roles: ["lasare"] }),
    },
    "PUT /api/v1/organisations/:organisationId/members/:userId": { before: victimInA, body: { roles: ["lasare"] } },
    "DELETE /api/v1/organisations/:organisationId/members/:userId": { before: victimInA },
    "POST /organisations": { body: ({ n }) => ({ name: `Matrisen ${n} AB`, number: organisationNumber(n), kind: "privat" }) },
    "POST /organisations/:organisationId/members/invite": {
      body: ({ n }) => ({ email: `member-${n}@matrix.test`, name: `Medlem ${n}`, roles: "lasare" }),
    },
    "GET /organisations/:organisationId/members/:userId": { before: victimInA },
    "POST /organisations/:organisationId/members/:userId": { before: victimInA, body: { roles: "lasare" } },
    "POST /organisations/:organisationId/members/:userId/remove": { before: victimInA },

    "GET /api/v1/initiatives": { query: () => `?organisationId=${world.orgA.id}` },
    "POST /api/v1/initiatives": { body: () => ({ organisationId: world.orgA.id, name: "Matrisens initiativ" }) },
    "POST /initiatives/new": { body: () => ({ organisationId: world.orgA.id, name: "Matrisens initiativ" }) },
    "PUT /api/v1/initiatives/:initiativeId/activities/:activityId": { body: { status: "in_progress" } },
    "POST /initiatives/:initiativeId/activities/:activityId": { body: { status: "in_progress", motivation: "" } },

    "POST /api/v1/initiatives/:initiativeId/deliverables": { body: { deliverableTypeId: "riskanalys" } },
    "PUT /api/v1/deliverables/:deliverableId/sections": { body: ({ n }) => ({ sections: { [firstSection]: `Text ${n}.` } }) },
    "POST /api/v1/deliverables/:deliverableId/status": { before: freshDeliverable, body: { status: "faststalld" } },
    "GET /api/v1/deliverables/:deliverableId/export": { query: "?format=docx" },
    "GET /api/v1/deliverables/:deliverableId/diff": { query: "?from=1&to=1" },
    "POST /api/v1/deliverables/:deliverableId/reviews": {
      before: freshDeliverable,
      body: () => ({ version: 1, reviewerIds: [world.users.sgA] }),
    },
    "POST /api/v1/reviews/:reviewId/verdict": { before: reviewAsking, body: { verdict: "approved" } },
    "POST /api/v1/deliverables/:deliverableId/comments": {
      body: ({ n }) => ({ version: 1, sectionId: firstSection, text: `Kommentar ${n}.` }),
    },
    "POST /api/v1/comments/:commentId/resolve": { before: openComment },
    "POST /deliverables/:deliverableId/reviews": { before: freshDeliverable, body: () => ({ version: "1", reviewerIds: world.users.sgA }) },
    "POST /reviews/:reviewId/verdict": { before: reviewAsking, body: { verdict: "approved" } },
    "POST /deliverables/:deliverableId/comments": {
      body: ({ n }) => ({ version: "1", sectionId: firstSection, [`text-${firstSection}`]: `Kommentar ${n}.` }),
    },
    "POST /comments/:commentId/resolve": { before: openComment },
    "POST /initiatives/:initiativeId/deliverables": { body: { deliverableTypeId: "riskanalys" } },
    "POST /deliverables/:deliverableId": { body: ({ n }) => ({ [sectionField(firstSection)]: `Text ${n}.` }) },
    "POST /deliverables/:deliverableId/status": { before: freshDeliverable, body: { status: "faststalld", confirm: "yes" } },
    "GET /deliverables/:deliverableId/faststall": { before: freshDeliverable },
    "PATCH /api/v1/organisations/:organisationId": { body: { requiresSecondApprover: true } },
    "POST /organisations/:organisationId/settings": { body: { requiresSecondApprover: "yes" } },

    "PUT /api/v1/initiatives/:initiativeId/milestones/:numeral/decision-points/:decisionPointId/preparation": {
      body: ({ n }) => ({ proposal: `Förslag ${n}.` }),
    },
    "POST /api/v1/initiatives/:initiativeId/milestones/:numeral/decision": {
      before: currentDecisionOfMilestone,
      body: () => ({ ...decisionBody(MILESTONE), supersedes: currentDecision }),
    },
    "POST /initiatives/:initiativeId/milestones/:numeral/preparations": {
      body: ({ n }) => ({ [`proposal-${DECISION_POINT}`]: `Förslag ${n}.` }),
    },
    "POST /initiatives/:initiativeId/milestones/:numeral/decide": {
      before: currentDecisionOfMilestone,
      body: () => ({ ...decisionForm(), supersedes: currentDecision ?? "" }),
    },

    "POST /api/v1/decisions/:decisionId/conditions/:conditionIndex/met": {
      before: conditionOpen,
      body: ({ n }) => ({ note: `Klart ${n}.` }),
    },
    "POST /decisions/:decisionId/conditions/:conditionIndex": { before: conditionOpen, body: ({ n }) => ({ note: `Klart ${n}.` }) },
    "PUT /api/v1/initiatives/:initiativeId/milestones/:numeral/plan": { body: { plannedOn: "2027-02-01" } },
    "PUT /api/v1/initiatives/:initiativeId/open-data": { body: { publishable: false } },
    "POST /initiatives/:initiativeId/open-data": { body: { publishable: "no" } },
    "POST /initiatives/:initiativeId/milestones/:numeral/plan": { body: { plannedOn: "2027-02-01" } },
    "POST /api/v1/initiatives/:initiativeId/partners": {
      before: noPartner,
      body: { kind: "external", name: "Matrisens part", email: "part@matrix.test" },
    },
    "DELETE /api/v1/initiatives/:initiativeId/partners/:partnerId": { before: aPartner },
    "POST /initiatives/:initiativeId/partners": {
      before: noPartner,
      body: { kind: "external", name: "Matrisens part", email: "part@matrix.test" },
    },
    "POST /initiatives/:initiativeId/partners/:partnerId/delete": { before: aPartner },
    "POST /api/v1/initiatives/:initiativeId/flows": { body: FLOW },
    "POST /api/v1/initiatives/:initiativeId/flows/import": { body: new Xml(IMPORT_CSV, "text/csv") },
    "POST /initiatives/:initiativeId/flows/import": {
      body: { content: Buffer.from(IMPORT_CSV).toString("base64"), fileName: "matris.csv" },
    },
    "POST /initiatives/:initiativeId/actuals/import": {
      body: {
        content: Buffer.from("Flöde;Månad;Digitala;Papper\nMatrisens flöde;2026-01;1;2\n").toString("base64"),
        fileName: "utfall.csv",
      },
    },
    // A file naming a flow of this case's own (flow names need not be unique, the import's must match one).
    "POST /initiatives/:initiativeId/actuals/import/commit": {
      before: async ({ n }) => {
        await postJson(owner, flowsUrl(), { ...FLOW, name: `Utfallsflöde ${n}` }, Flow);
        return undefined;
      },
      body: ({ n }) => ({
        content: Buffer.from(`Flöde;Månad;Digitala;Papper\nUtfallsflöde ${n};2026-01;1;2\n`).toString("base64"),
        fileName: "utfall.csv",
      }),
    },
    "POST /initiatives/:initiativeId/flows/import/commit": {
      body: { content: Buffer.from(IMPORT_CSV).toString("base64"), fileName: "matris.csv" },
    },
    "GET /api/v1/flows/:flowId": { before: aFlow },
    "PUT /api/v1/flows/:flowId": { before: aFlow, body: FLOW },
    "DELETE /api/v1/flows/:flowId": { before: aFlow },
    "PUT /api/v1/initiatives/:initiativeId/business-case": { body: { startYear: 2027, horizonYears: 3, discountRate: 0.03 } },
    "PUT /api/v1/initiatives/:initiativeId/business-case/effect-chain": { body: EFFECT_CHAIN },
    "POST /initiatives/:initiativeId/business-case": { body: { startYear: "2027", horizonYears: "3", discountRate: "3" } },
    "POST /initiatives/:initiativeId/business-case/effect-chain/nodes": { body: { kind: "nytta", label: "Matrisens nytta" } },
    "POST /initiatives/:initiativeId/business-case/effect-chain/nodes/delete": { before: twoParts, body: { nodeId: "matris-nytta" } },
    "POST /initiatives/:initiativeId/business-case/effect-chain/links": {
      before: twoParts,
      body: { from: "matris-forandring", to: "matris-nytta" },
    },
    "POST /initiatives/:initiativeId/business-case/effect-chain/links/delete": {
      before: twoParts,
      body: { from: "matris-forandring", to: "matris-nytta" },
    },
    "POST /api/v1/initiatives/:initiativeId/risks": { body: RISK },
    "GET /api/v1/risks/:riskId": { before: aRisk },
    "PUT /api/v1/risks/:riskId": { before: aRisk, body: RISK },
    "DELETE /api/v1/risks/:riskId": { before: aRisk },
    "POST /initiatives/:initiativeId/risks/new": { body: RISK_FORM },
    "GET /risks/:riskId": { before: aRisk },
    "POST /risks/:riskId": { before: aRisk, body: RISK_FORM },
    "GET /risks/:riskId/delete": { before: aRisk },
    "POST /risks/:riskId/delete": { before: aRisk },
    "POST /api/v1/initiatives/:initiativeId/reserve-plans": { body: RESERVE_PLAN },
    "GET /api/v1/reserve-plans/:planId": { before: aReservePlan },
    "PUT /api/v1/reserve-plans/:planId": { before: aReservePlan, body: RESERVE_PLAN },
    "DELETE /api/v1/reserve-plans/:planId": { before: aReservePlan },
    "POST /initiatives/:initiativeId/reserve-plans": { body: RESERVE_PLAN },
    "GET /reserve-plans/:planId": { before: aReservePlan },
    "POST /reserve-plans/:planId": { before: aReservePlan, body: RESERVE_PLAN },
    "GET /reserve-plans/:planId/delete": { before: aReservePlan },
    "POST /reserve-plans/:planId/delete": { before: aReservePlan },
    "POST /api/v1/initiatives/:initiativeId/benefits": { body: BENEFIT },
    "GET /api/v1/benefits/:benefitId": { before: aBenefit },
    "PUT /api/v1/benefits/:benefitId": { before: aBenefit, body: BENEFIT },
    "DELETE /api/v1/benefits/:benefitId": { before: aBenefit },
    "POST /api/v1/benefits/:benefitId/measurements": { before: aBenefit, body: { date: "2026-06-30", value: 50 } },
    "DELETE /api/v1/benefits/:benefitId/measurements/:measurementId": { before: aMeasurement },
    // A preview: the team's answer is 200, nothing is saved.
    "POST /api/v1/benefits/:benefitId/measurements/import": {
      before: aBenefit,
      body: new Xml("Datum;Värde\n2026-06-30;50\n", "text/csv"),
    },
    "POST /initiatives/:initiativeId/benefits/new": { body: BENEFIT_FORM },
    "GET /benefits/:benefitId/measurements/import": { before: aBenefit },
    "POST /benefits/:benefitId/measurements/import": {
      before: aBenefit,
      body: { content: Buffer.from("Datum;Värde\n2026-06-30;50\n").toString("base64"), fileName: "matvarden.csv" },
    },
    "POST /benefits/:benefitId/measurements/import/commit": {
      before: aBenefit,
      body: { content: Buffer.from("Datum;Värde\n2026-06-30;50\n").toString("base64"), fileName: "matvarden.csv" },
    },
    "GET /benefits/:benefitId": { before: aBenefit },
    "POST /benefits/:benefitId": { before: aBenefit, body: BENEFIT_FORM },
    "POST /benefits/:benefitId/measurements": { before: aBenefit, body: { date: "2026-06-30", value: "50" } },
    "POST /benefits/:benefitId/measurements/:measurementId/delete": { before: aMeasurement },
    "POST /benefits/:benefitId/gap-analysis": { before: aBenefit, body: { gapCause: "Sen start" } },
    "GET /benefits/:benefitId/delete": { before: aBenefit },
    "POST /benefits/:benefitId/delete": { before: aBenefit },
    "POST /initiatives/:initiativeId/flows/new": { body: FLOW_FORM },
    "GET /flows/:flowId": { before: aFlow },
    "POST /flows/:flowId": { before: aFlow, body: FLOW_FORM },
    "GET /flows/:flowId/delete": { before: aFlow },
    "POST /flows/:flowId/delete": { before: aFlow },
    "POST /api/v1/initiatives/:initiativeId/forecast/versions": { body: { reason: "Matrisens omprognos" } },
    "GET /api/v1/initiatives/:initiativeId/forecast/compare": { query: () => `?a=${params.versionId}&b=current` },
    "GET /api/v1/flows/:flowId/actuals": { before: aFlow },
    "PUT /api/v1/flows/:flowId/actuals": { before: aFlow, body: ACTUALS },
    // A preview: the team's answer is 200 whatever the file names, nothing is saved.
    "POST /api/v1/initiatives/:initiativeId/actuals/import": {
      body: new Xml("Flöde;Månad;Digitala;Papper\nMatrisens flöde;2026-01;1;2\n", "text/csv"),
    },
    "POST /initiatives/:initiativeId/forecast/versions": { body: { reason: "Matrisens omprognos" } },
    "GET /initiatives/:initiativeId/forecast/compare": { query: () => `?a=${params.versionId}&b=current` },
    "GET /flows/:flowId/actuals": { before: aFlow },
    "POST /flows/:flowId/actuals": { before: aFlow, body: { month: "2026-01", digital: "1", paper: "2" } },
    "PUT /api/v1/initiatives/:initiativeId/flow-settings": {
      body: { priorityWeights: { volume: 50, processChange: 25, serviceImprovement: 25 } },
    },
    "POST /api/v1/initiatives/:initiativeId/tactics": { body: ALTERNATIVE },
    "GET /api/v1/tactics/:alternativeId": { before: anAlternative },
    "PUT /api/v1/tactics/:alternativeId": { before: anAlternative, body: ALTERNATIVE },
    "DELETE /api/v1/tactics/:alternativeId": { before: anAlternative },
    "POST /initiatives/:initiativeId/tactics": { body: ALTERNATIVE },
    "GET /initiatives/:initiativeId/tactics/:alternativeId": { before: anAlternative },
    "POST /initiatives/:initiativeId/tactics/:alternativeId": { before: anAlternative, body: ALTERNATIVE },
    "POST /initiatives/:initiativeId/tactics/:alternativeId/delete": { before: anAlternative },
    "POST /initiatives/:initiativeId/flows/priorities/weights": {
      body: { "weight-volume": "50", "weight-processChange": "25", "weight-serviceImprovement": "25" },
    },
    "GET /initiatives/:initiativeId/flows/priorities/:flowId": { before: aFlow },
    "POST /initiatives/:initiativeId/flows/priorities/:flowId": { before: aFlow, body: { processChange: "2" } },
    "POST /initiatives/:initiativeId/flow-settings": { body: {} },
    "POST /api/v1/communications/:communicationId/read": { body: {} },
    "POST /api/v1/communications/:communicationId/answers": { body: { text: "Tack, vi har noterat tidplanen." } },
    "POST /inbox/:communicationId/answers": { body: () => ({ [`answer-${params.communicationId}`]: "Tack, vi har noterat tidplanen." }) },

    "POST /api/v1/sandbox/validate": { body: new Xml("<SealedDelivery/>") },
    "POST /sandbox/validate": { body: { xml: "<SealedDelivery/>" } },
    "PUT /api/v1/initiatives/:initiativeId/sandbox/environment": { body: { enabled: true } },
    "POST /initiatives/:initiativeId/sandbox/environment": { body: { enabled: "true" } },
    "POST /api/v1/organisations/:organisationId/sandbox/trusted-cas": {
      before: noTrustedCa,
      body: () => ({ certificatePem: trustedCaPem }),
    },
    "DELETE /api/v1/organisations/:organisationId/sandbox/trusted-cas/:caId": { before: aTrustedCa },
    "POST /organisations/:organisationId/sandbox/trusted-cas": { before: noTrustedCa, body: () => ({ certificatePem: trustedCaPem }) },
    "POST /organisations/:organisationId/sandbox/trusted-cas/:caId/delete": { before: aTrustedCa },
    "POST /api/v1/organisations/:organisationId/sandbox/recipients": {
      before: noOwnRecipient,
      body: { recipientId: ownRecipientId, accountType: "Not" },
    },
    "DELETE /api/v1/organisations/:organisationId/sandbox/recipients/:recipientRowId": { before: anOwnRecipient },
    "POST /organisations/:organisationId/sandbox/recipients": {
      before: noOwnRecipient,
      body: { recipientId: ownRecipientId, accountType: "Not" },
    },
    "POST /organisations/:organisationId/sandbox/recipients/:recipientRowId/delete": { before: anOwnRecipient },

    "POST /api/v1/initiatives/:initiativeId/sandbox/load-tests": {
      before: noLoadTestRunning,
      body: { targetRate: 1, durationSeconds: 600 },
    },
    "POST /api/v1/initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop": { before: aRunningLoadTest },
    "POST /initiatives/:initiativeId/sandbox/load-tests": { before: noLoadTestRunning, body: { targetRate: "1", durationSeconds: "600" } },
    "POST /initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop": { before: aRunningLoadTest },
    "POST /api/v1/initiatives/:initiativeId/sandbox/conformance-report": { body: {} },
    "GET /api/v1/initiatives/:initiativeId/sandbox/conformance-report": { query: "?format=docx" },
  };

  /** Logged in as the API and a browser are, without a password check each; the CSRF token as a page gives it. */
  const credentials = async (actor: Actor | null): Promise<Credentials> => {
    const now = new Date();
    const jar = new Map<string, string>();
    if (actor) jar.set(SESSION_COOKIE, (await startSession({ db: world.db, actor, now })).token);
    const cookieOf = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const page = await world.app.inject({ method: "GET", url: "/accessibility", headers: { cookie: cookieOf() } });
    for (const c of page.cookies) jar.set(c.name, c.value);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrf) throw new Error("no CSRF token on /accessibility");
    return { token: actor ? (await issueLoginToken({ db: world.db, actor, now })).token : null, cookie: cookieOf(), csrf };
  };

  const member = async (email: string, organisationNumber: string, role: OrganisationRole) =>
    (
      await createUser({
        db: world.db,
        actor: SYSTEM_ACTOR,
        now: new Date(),
        input: {
          email,
          name: email.split("@")[0] ?? email,
          password: PASSWORD,
          systemRoles: [],
          membership: { organisationNumber, roles: [role] },
        },
      })
    ).id;

  /** An attachment of A's deliverable, for the download routes. */
  const anAttachment = async (deliverableId: string) => {
    const form = multipart({}, { name: "matris.png", bytes: PNG });
    const res = await world.app.inject({
      method: "POST",
      url: `/api/v1/deliverables/${deliverableId}/attachments`,
      headers: { authorization: `Bearer ${owner.token}`, "content-type": form.contentType },
      payload: form.payload,
    });
    return parseBody(res, Attachment, 201).id;
  };

  beforeAll(async () => {
    for (const r of world.app.allRoutes) served.set(`${r.method} ${r.url}`, { ...r, body: false });
    for (const r of world.app.apiRoutes) {
      served.set(`${r.method} ${r.url}`, { method: r.method, url: r.url, body: r.body !== undefined, status: r.response.status });
    }

    // One person per actor class: each organisation role in A and in B, and the installation's roles.
    const userIds = new Map<ActorClass, string | null>();
    for (const cls of ACTOR_CLASSES) {
      if ("role" in cls) {
        const org = cls.kind === "own" ? world.orgA : world.orgB;
        userIds.set(cls, await member(`${cls.kind}-${cls.role}@matrix.test`, org.number, cls.role));
      } else userIds.set(cls, cls.kind === "forvaltningsgrupp" ? world.users.fg : cls.kind === "admin" ? world.users.admin : null);
    }
    callers = [];
    for (const [cls, userId] of userIds) {
      const actor = userId ? ((await loadActor(world.db, userId)) ?? null) : null;
      callers.push({ cls, name: actorClassName(cls), actor, ...(await credentials(actor)) });
    }

    // A's initiative, started after the members above, so its styrgrupp is A's styrgrupp and verksamhetsägare.
    owner = await world.loginAs("plA");
    const initiative = await postJson(owner, "/api/v1/initiatives", { organisationId: world.orgA.id, name: "A:s initiativ" }, Initiative);
    const initiativeId = initiative.id;
    const activityId = initiative.phases[0]?.activities[0]?.id ?? "";
    await prepareMilestone(owner, initiativeId, "I", await world.loginAs("vaA"));
    const decidedI = parseBody(
      await (await world.loginAs("vaA")).post(
        `/api/v1/initiatives/${initiativeId}/milestones/I/decision`,
        // A condition owned by a member who is none of the matrix's callers: only the projektledare follows it up here.
        decisionBody("I", {
          outcome: "go_with_conditions",
          conditions: [{ text: "Avtal undertecknat", ownerUserId: world.users.consultant, dueDate: "2027-01-01" }],
        }),
      ),
      DecisionWithCommunications,
      201,
    );
    await prepareMilestone(owner, initiativeId, MILESTONE, await world.loginAs("vaA"));

    const deliverable = await postJson(
      owner,
      `/api/v1/initiatives/${initiativeId}/deliverables`,
      { deliverableTypeId: "riskanalys" },
      Deliverable,
    );
    firstSection = deliverable.template[0]?.id ?? "";
    await succeeds(
      owner.put(`/api/v1/deliverables/${deliverable.id}/sections`, { sections: { [firstSection]: "Risker och åtgärder." } }),
      "edit",
    );

    const inbox = (await getJson(await world.loginAs("fg"), "/api/v1/communications", Communications)).communications;
    const communicationId = inbox.find((c) => c.organisationId === world.orgA.id)?.id ?? "";

    // The test environment with one recorded delivery (a body and an attachment), and a load test.
    await succeeds(owner.put(`/api/v1/initiatives/${initiativeId}/sandbox/environment`, { enabled: true }), "enable environment");
    const [environment] = await world.db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, initiativeId));
    const callId = randomUUID();
    await world.db.insert(sandboxEvents).values({
      id: callId,
      at: new Date("2026-11-27T10:00:00Z"),
      organisationId: world.orgA.id,
      environmentId: environment?.id ?? "",
      endpoint: "service",
      operation: "deliverSecure",
      senderOrgNr: `16${world.orgA.number}`,
      recipientIds: ["180001019806"],
      clientOrgNr: `16${world.orgA.number}`,
      operatorId: "kivra",
      outcome: "answered",
      httpStatus: 200,
      durationMs: 12,
      checks: [],
      requestBytes: 2000,
    });
    await world.db.insert(sandboxMessages).values({
      eventId: callId,
      position: 0,
      messageId: "msg-1",
      subject: "Ditt beslut",
      bodyContentType: "text/plain; charset=utf-8",
      bodyBase64: Buffer.from("Hej").toString("base64"),
      attachments: [
        { filename: "beslut.pdf", contentType: "application/pdf", checksum: "x", base64: Buffer.from("%PDF-1.7").toString("base64") },
      ],
    });
    trustedCaPem = (await createTestCa({ modulusLength: 1024 })).certificatePem;

    params = {
      organisationId: world.orgA.id,
      userId: await member("victim@matrix.test", world.orgA.number, "lasare"),
      initiativeId,
      activityId,
      deliverableId: deliverable.id,
      numeral: MILESTONE,
      decisionPointId: DECISION_POINT,
      decisionId: decidedI.id,
      attachmentId: await anAttachment(deliverable.id),
      conditionIndex: "0",
      communicationId,
      callId,
      position: "0",
      index: "0",
      number: "1",
      id: "riskanalys",
      file: "index.css",
      "*": "ansluta.css",
    };
    params.loadTestId = (await aRunningLoadTest()).loadTestId;
    // A re-forecast of A's initiative: versions are never changed or removed, so one serves every case.
    params.versionId = (
      await postJson(owner, `/api/v1/initiatives/${initiativeId}/forecast/versions`, { reason: "Matrisen" }, ForecastVersion)
    ).id;
    Object.assign(params, await freshInvitation(0));

    // Reporting rounds: one with A's report in it, one the matrix submits to, one it closes.
    const fg = await world.loginAs("fg");
    const round = async (name: string) => (await postJson(fg, "/api/v1/reporting-rounds", { name, deadline: "2099-12-31" }, Round)).id;
    params.roundId = await round("Matrisens omgång");
    params.submitRoundId = await round("Matrisens inlämning");
    params.closeRoundId = await round("Matrisens stängning");
    params.submissionId = (
      await postJson(owner, `/api/v1/reporting-rounds/${params.roundId}/submissions`, { initiativeId }, Submission)
    ).id;
    // A real OpenID Connect provider, so starting a sign-in there (a redirect to it) is what the matrix sees.
    idp = await startTestProvider({ redirectUri: "http://ansluta.test/login/oidc/callback", accounts: {} });
    params.providerId = (await providerAt(idp.issuer)).id;
  });
  afterAll(async () => idp?.close());

  const fill = (url: string, values: Record<string, string>) =>
    url.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
      const value = values[name ?? match];
      if (!value) throw new Error(`no value for ${match} in ${url}: add one to the matrix's params or the route's fixture`);
      return value;
    });

  const send = (method: string, url: string, creds: Credentials, body: Body | undefined) => {
    if (body instanceof Upload) {
      const api = url.startsWith("/api/");
      const form = multipart(api ? {} : { _csrf: creds.csrf }, { name: body.name, bytes: body.bytes });
      const auth: Record<string, string> = api ? (creds.token ? { authorization: `Bearer ${creds.token}` } : {}) : { cookie: creds.cookie };
      return world.app.inject({ method: "POST", url, headers: { ...auth, "content-type": form.contentType }, payload: form.payload });
    }
    if (url.startsWith("/api/")) {
      const headers: Record<string, string> = creds.token ? { authorization: `Bearer ${creds.token}` } : {};
      if (body instanceof Xml)
        return world.app.inject({ method: "POST", url, headers: { ...headers, "content-type": body.type }, payload: body.text });
      return world.app.inject({ method: method as "GET", url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    }
    if (method === "GET") return world.app.inject({ method: "GET", url, headers: { cookie: creds.cookie } });
    const form = new URLSearchParams({ _csrf: creds.csrf });
    for (const [k, v] of Object.entries((body as Record<string, unknown>) ?? {})) for (const x of [v].flat()) form.append(k, String(x));
    return world.app.inject({
      method: "POST",
      url,
      headers: { cookie: creds.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: form.toString(),
    });
  };

  /**
   * The answer's class, or its status when it is none of them: a 400, 409 or 500 is a broken case,
   * not a verdict. An API route allows only with the success status it declares.
   */
  const classify = (res: LightMyRequestResponse, route: { url: string; status?: number }): Answer | number | "CSRF refused" => {
    const api = route.url.startsWith("/api/");
    const location = String(res.headers.location ?? "");
    if (api ? res.statusCode === 401 : res.statusCode === 303 && location.startsWith("/login?next=")) return "unauthenticated";
    // A refused form token is a broken case, never a verdict on the role.
    if (res.statusCode === 403 && !api && CSRF_REFUSED.some((title) => res.body.includes(title))) return "CSRF refused";
    if (res.statusCode === 403) return "forbidden";
    if (res.statusCode === 404) return "hidden";
    if (route.status !== undefined ? res.statusCode === route.status : res.statusCode >= 200 && res.statusCode < 400) return "allow";
    return res.statusCode;
  };

  it("has exactly one entry for every route the app serves, and none for a route it does not", () => {
    const table = new Set(Object.keys(ROUTE_ACCESS));
    expect(
      [...served.keys()].filter((k) => !table.has(k)),
      "served without an entry in src/domain/access/route-access.ts",
    ).toEqual([]);
    expect(
      [...table].filter((k) => !served.has(k)),
      "in src/domain/access/route-access.ts but not served",
    ).toEqual([]);
  });

  for (const key of Object.keys(ROUTE_ACCESS)) {
    it(key, async () => {
      const route = served.get(key);
      if (!route) throw new Error(`${key} is not served: remove it from src/domain/access/route-access.ts`);
      const rule = ROUTE_ACCESS[key]!;
      const fixture = FIXTURES[key] ?? {};
      if (route.body && fixture.body === undefined) throw new Error(`${key} takes a body: give it a valid one in FIXTURES`);
      const wrong: string[] = [];
      for (const caller of callers) {
        const c: Case = { caller, n: ++counter };
        const fresh = (await fixture.before?.(c)) ?? {};
        const query = typeof fixture.query === "function" ? fixture.query() : (fixture.query ?? "");
        const body = typeof fixture.body === "function" ? fixture.body(c) : fixture.body;
        const held = fixture.freshCredentials ? await credentials(caller.actor) : caller;
        const extra = fixture.cookie?.();
        const creds = extra ? { ...held, cookie: [held.cookie, extra].filter(Boolean).join("; ") } : held;
        const res = await send(route.method, fill(route.url, { ...params, ...fresh }) + query, creds, body);
        const expected = expectedAnswer(rule, caller.cls);
        const got = classify(res, route);
        const detail = /<title>([^<]*)/.exec(res.body)?.[1] ?? res.body.slice(0, 160);
        if (got !== expected) wrong.push(`${caller.name}: expected ${expected}, got ${got} (${res.statusCode} ${detail})`);
      }
      expect(wrong, key).toEqual([]);
    });
  }
});
