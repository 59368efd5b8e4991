import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sandboxEnvironments } from "../../src/db/schema.ts";
import {
  makePersonalIdentityNumber,
  makeSyntheticOrganisationNumber,
  organisationRecipientId,
} from "../../src/sandbox/recipients/identity-numbers.ts";
import { SCENARIOS } from "../../src/sandbox/recipients/scenarios.ts";
import { createTestCa, type TestCa } from "../../src/sandbox/tls/test-ca.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type Environment = {
  enabled: boolean;
  slug: string | null;
  intermediaryOrgNr: string | null;
  emulatorRunning: boolean;
  addresses: {
    recipient: string;
    authority: string;
    services: { operatorId: string; name: string; url: string }[];
    wsdl: { recipient: string; service: string[] };
  } | null;
};
type Fields = { code: string; fields: { path: string; code: string; message: string }[] };

const adult = makePersonalIdentityNumber("1820-05-05", 123);

describe("an initiative's test environment, uploaded test CAs and own synthetic recipients (API)", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let reader: Api;
  let outsider: Api;
  let initiativeId: string;
  let envUrl: string;
  let casUrl: string;
  let recipientsUrl: string;
  let ca: TestCa;

  const auditActions = async (prefix: string) =>
    (
      await t.db
        .select()
        .from(auditLog)
        .where(and(like(auditLog.action, `${prefix}%`), eq(auditLog.organisationId, w.orgA.id)))
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await startTestApp({ SANDBOX_PORT: "8443" });
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    reader = await apiAs(t.app, w.emails.readerA);
    outsider = await apiAs(t.app, w.emails.plB);
    initiativeId = ((await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Digitala beslut" })).json() as { id: string })
      .id;
    envUrl = `/api/v1/initiatives/${initiativeId}/sandbox/environment`;
    casUrl = `/api/v1/organisations/${w.orgA.id}/sandbox/trusted-cas`;
    recipientsUrl = `/api/v1/organisations/${w.orgA.id}/sandbox/recipients`;
    ca = await createTestCa({ modulusLength: 1024 });
  });
  afterAll(async () => t.close());

  describe("the environment", () => {
    it("answers enabled false without a slug before it was ever enabled", async () => {
      const res = await pl.get(envUrl);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ enabled: false, slug: null, addresses: null, emulatorRunning: true });
    });

    it("enables with a new slug and addresses on the emulator's port, and keeps the slug when disabled and enabled again", async () => {
      const enabled = await pl.put(envUrl, { enabled: true, intermediaryOrgNr: "556677-8899" });
      expect(enabled.statusCode, enabled.body).toBe(200);
      const env = enabled.json() as Environment;
      expect(env.slug).toMatch(/^[a-z0-9]{10}$/);
      expect(env.intermediaryOrgNr).toBe("5566778899");
      const base = `https://ansluta.test:8443/e/${env.slug}`;
      expect(env.addresses).toMatchObject({
        recipient: `${base}/Recipient/v3`,
        authority: `${base}/Authority`,
        wsdl: { recipient: `${base}/Recipient/v3?wsdl`, authority: `${base}/Authority?wsdl` },
      });
      expect(env.addresses?.services.map((s) => s.name)).toEqual(["Kivra", "Min myndighetspost", "Billo", "Fortnox"]);
      expect(env.addresses?.services[0]?.url).toBe(`${base}/Service/v3/kivra`);

      const disabled = (await pl.put(envUrl, { enabled: false })).json() as Environment;
      expect(disabled).toMatchObject({ enabled: false, slug: env.slug, addresses: null, intermediaryOrgNr: "5566778899" });
      const again = (await pl.put(envUrl, { enabled: true, intermediaryOrgNr: null })).json() as Environment;
      expect(again).toMatchObject({ enabled: true, slug: env.slug, intermediaryOrgNr: null });
      expect((await pl.get(envUrl)).json()).toMatchObject({ enabled: true, slug: env.slug });
      expect(await auditActions("sandbox.environment")).toEqual([
        "sandbox.environment.enable",
        "sandbox.environment.disable",
        "sandbox.environment.enable",
      ]);
    });

    it("answers two first enables at the same moment without a server fault, and makes one environment", async () => {
      const id = ((await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Samtidigt" })).json() as { id: string }).id;
      const url = `/api/v1/initiatives/${id}/sandbox/environment`;
      const answers = await Promise.all([pl.put(url, { enabled: true }), pl.put(url, { enabled: true })]);
      for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode);
      expect(answers.some((a) => a.statusCode === 200)).toBe(true);
      expect(await t.db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, id))).toHaveLength(1);
    });

    it("checks the förmedlare's organisationsnummer", async () => {
      const res = await pl.put(envUrl, { enabled: true, intermediaryOrgNr: "5566778898" });
      expect(res.statusCode).toBe(400);
      expect((res.json() as Fields).fields).toMatchObject([{ path: "intermediaryOrgNr", code: "orgnr_checksum" }]);
      expect((await pl.put(envUrl, { intermediaryOrgNr: null })).statusCode).toBe(400);
    });

    it("says when this installation runs no emulator", async () => {
      const other = await startTestApp();
      try {
        const world = await seedWorld(other.db);
        const api = await apiAs(other.app, world.emails.plA);
        const id = ((await api.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "X" })).json() as { id: string }).id;
        const env = (await api.put(`/api/v1/initiatives/${id}/sandbox/environment`, { enabled: true })).json() as Environment;
        expect(env).toMatchObject({ enabled: true, emulatorRunning: false, addresses: null });
        expect(env.slug).toMatch(/^[a-z0-9]{10}$/);
      } finally {
        await other.close();
      }
    });

    it("names the operators as the installation does (SANDBOX_OPERATORS)", async () => {
      const other = await startTestApp({ SANDBOX_PORT: "9443", SANDBOX_OPERATORS: "billo=Billo Test" });
      try {
        const world = await seedWorld(other.db);
        const api = await apiAs(other.app, world.emails.plA);
        const id = ((await api.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "X" })).json() as { id: string }).id;
        const env = (await api.put(`/api/v1/initiatives/${id}/sandbox/environment`, { enabled: true })).json() as Environment;
        expect(env.addresses?.services.map((s) => [s.operatorId, s.name])).toEqual([
          ["kivra", "Kivra"],
          ["minmyndighetspost", "Min myndighetspost"],
          ["billo", "Billo Test"],
          ["fortnox", "Fortnox"],
        ]);
      } finally {
        await other.close();
      }
    });

    it("refuses a reader without the role (403) and hides it from another organisation (404)", async () => {
      expect((await reader.get(envUrl)).statusCode).toBe(403);
      expect((await reader.put(envUrl, { enabled: false })).statusCode).toBe(403);
      expect((await outsider.get(envUrl)).statusCode).toBe(404);
      expect((await outsider.put(envUrl, { enabled: false })).statusCode).toBe(404);
    });
  });

  describe("uploaded test CAs", () => {
    it("adds a CA, lists it, refuses it twice and deletes it, all audited", async () => {
      const added = await pl.post(casUrl, { certificatePem: ca.certificatePem });
      expect(added.statusCode, added.body).toBe(201);
      const row = added.json() as { id: string; subject: string; fingerprint256: string };
      expect(row.subject).toContain("CN=Ansluta test-CA");
      const list = (await pl.get(casUrl)).json() as { trustedCas: { id: string }[] };
      expect(list.trustedCas.map((c) => c.id)).toEqual([row.id]);

      const twice = await pl.post(casUrl, { certificatePem: ca.certificatePem });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: "ALREADY_EXISTS", fields: [{ path: "certificatePem", code: "ca_duplicate" }] });

      expect((await pl.delete(`${casUrl}/${row.id}`)).statusCode).toBe(204);
      expect((await pl.delete(`${casUrl}/${row.id}`)).statusCode).toBe(404);
      expect(((await pl.get(casUrl)).json() as { trustedCas: unknown[] }).trustedCas).toEqual([]);
      expect(await auditActions("sandbox.trusted_ca")).toEqual(["sandbox.trusted_ca.add", "sandbox.trusted_ca.remove"]);
    });

    it("explains each refusal by field and code, and never accepts a private key", async () => {
      const key = await pl.post(casUrl, { certificatePem: ca.certificatePem + ca.privateKeyPem });
      expect(key.statusCode).toBe(400);
      const body = key.json() as Fields;
      expect(body.fields).toMatchObject([{ path: "certificatePem", code: "ca_private_key" }]);
      expect(body.fields[0]?.message).toMatch(/never upload private keys/);
      expect(((await pl.post(casUrl, { certificatePem: "hello" })).json() as Fields).fields[0]?.code).toBe("ca_no_certificate");
      expect(((await pl.post(casUrl, {})).json() as Fields).fields[0]).toMatchObject({ path: "certificatePem", code: "required" });
      expect(await auditActions("sandbox.trusted_ca.add")).toHaveLength(1);
    });

    it("refuses a reader without the role (403) and hides the CAs from another organisation (404)", async () => {
      const id = ((await pl.post(casUrl, { certificatePem: ca.certificatePem })).json() as { id: string }).id;
      expect((await reader.get(casUrl)).statusCode).toBe(403);
      expect((await reader.post(casUrl, { certificatePem: ca.certificatePem })).statusCode).toBe(403);
      expect((await reader.delete(`${casUrl}/${id}`)).statusCode).toBe(403);
      expect((await outsider.get(casUrl)).statusCode).toBe(404);
      expect((await outsider.delete(`${casUrl}/${id}`)).statusCode).toBe(404);
      // B's own URL with A's CA id: not B's CA.
      expect((await outsider.delete(`/api/v1/organisations/${w.orgB.id}/sandbox/trusted-cas/${id}`)).statusCode).toBe(404);
      expect((await pl.get(casUrl)).json()).toMatchObject({ trustedCas: [{ id }] });
    });
  });

  describe("own synthetic recipients", () => {
    const secure = {
      recipientId: adult,
      label: "Vuxen hos Billo",
      accountType: "Secure",
      operatorId: "billo",
      pending: false,
      senderAccepted: true,
      operatorBehaviour: "delivered",
    };

    it("adds recipients with the decision a conformant sender makes, refuses a number twice, deletes them, all audited", async () => {
      const added = await pl.post(recipientsUrl, secure);
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({
        recipientId: adult,
        recipientKind: "personnummer",
        operatorId: "billo",
        expected: { deliver: true },
      });
      const org = organisationRecipientId(makeSyntheticOrganisationNumber(555));
      const noMailbox = await pl.post(recipientsUrl, {
        recipientId: org,
        label: "Förening utan brevlåda",
        accountType: "Not",
        operatorBehaviour: "delivered",
      });
      expect(noMailbox.json()).toMatchObject({
        recipientKind: "organisation",
        operatorId: null,
        senderAccepted: false,
        expected: { deliver: false, reason: "no-mailbox" },
      });
      const minor = makePersonalIdentityNumber("2095-01-01", 101);
      expect((await pl.post(recipientsUrl, { ...secure, recipientId: minor })).json()).toMatchObject({
        expected: { deliver: false, reason: "minor" },
      });

      const list = (await pl.get(recipientsUrl)).json() as { recipients: { id: string; recipientId: string }[] };
      expect(list.recipients.map((r) => r.recipientId)).toEqual([adult, org, minor]);

      const twice = await pl.post(recipientsUrl, { ...secure, recipientId: `${adult.slice(0, 8)}-${adult.slice(8)}` });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: "ALREADY_EXISTS", fields: [{ path: "recipientId", code: "recipient_duplicate" }] });

      const first = list.recipients[0]?.id ?? "";
      expect((await pl.delete(`${recipientsUrl}/${first}`)).statusCode).toBe(204);
      expect((await pl.delete(`${recipientsUrl}/${first}`)).statusCode).toBe(404);
      expect(await auditActions("sandbox.recipient")).toEqual([
        "sandbox.recipient.add",
        "sandbox.recipient.add",
        "sandbox.recipient.add",
        "sandbox.recipient.remove",
      ]);
    });

    it("accepts only synthetic numbers, and says which", async () => {
      const real = await pl.post(recipientsUrl, { ...secure, recipientId: makePersonalIdentityNumber("1990-01-01", 123) });
      expect(real.statusCode).toBe(400);
      const body = real.json() as Fields;
      expect(body.fields).toMatchObject([{ path: "recipientId", code: "recipient_not_synthetic" }]);
      expect(body.fields[0]?.message).toMatch(/1800–1839 .* 2090–2099 .* group digit 4/);
      const codeOf = async (recipientId: string) =>
        ((await pl.post(recipientsUrl, { ...secure, recipientId })).json() as Fields).fields[0]?.code;
      expect(await codeOf("12345")).toBe("recipient_format");
      expect(await codeOf(`${adult.slice(0, 11)}${(Number(adult[11]) + 1) % 10}`)).toBe("recipient_checksum");
      expect(await codeOf(SCENARIOS[0]?.recipientId ?? "")).toBe("recipient_fixed_scenario");
    });

    it("wants an operator for a mailbox and none without one, and checks the fields' shape", async () => {
      const other = makePersonalIdentityNumber("1821-02-03", 456);
      const noOperator = await pl.post(recipientsUrl, { ...secure, recipientId: other, operatorId: null });
      expect((noOperator.json() as Fields).fields).toMatchObject([{ path: "operatorId", code: "operator_required" }]);
      const operatorWithout = await pl.post(recipientsUrl, { ...secure, recipientId: other, accountType: "Not" });
      expect((operatorWithout.json() as Fields).fields).toMatchObject([{ path: "operatorId", code: "operator_not_allowed" }]);
      const shape = await pl.post(recipientsUrl, {
        ...secure,
        recipientId: other,
        accountType: "Maybe",
        operatorId: "postnord",
        operatorBehaviour: "slow",
      });
      expect(shape.statusCode).toBe(400);
      expect((shape.json() as Fields).fields.map((f) => [f.path, f.code])).toEqual([
        ["accountType", "invalid_choice"],
        ["operatorId", "invalid_choice"],
        ["operatorBehaviour", "invalid_choice"],
      ]);
    });

    it("refuses a reader without the role (403) and hides the recipients from another organisation (404)", async () => {
      const row = (await pl.get(recipientsUrl)).json() as { recipients: { id: string }[] };
      const id = row.recipients[0]?.id ?? "";
      expect((await reader.get(recipientsUrl)).statusCode).toBe(403);
      expect((await reader.post(recipientsUrl, secure)).statusCode).toBe(403);
      expect((await reader.delete(`${recipientsUrl}/${id}`)).statusCode).toBe(403);
      expect((await outsider.get(recipientsUrl)).statusCode).toBe(404);
      expect((await outsider.post(recipientsUrl, secure)).statusCode).toBe(404);
      expect((await outsider.delete(`/api/v1/organisations/${w.orgB.id}/sandbox/recipients/${id}`)).statusCode).toBe(404);
    });
  });
});
