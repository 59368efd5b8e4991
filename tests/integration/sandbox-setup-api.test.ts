import { and, asc, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditLog, sandboxEnvironments } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { OwnRecipient, SandboxEnvironment, TrustedCa } from "../../src/http/routes/sandbox/sandbox-setup.schema.ts";
import {
  makePersonalIdentityNumber,
  makeSyntheticOrganisationNumber,
  organisationRecipientId,
} from "../../src/sandbox/recipients/identity-numbers.ts";
import { SCENARIOS } from "../../src/sandbox/recipients/scenarios.ts";
import { createTestCa } from "../../src/sandbox/tls/test-ca.ts";
import { getJson, parseBody, postJson, type TestWorld, useTestWorld } from "../support/test-world.ts";

const TrustedCas = z.object({ trustedCas: z.array(TrustedCa) });
const OwnRecipients = z.object({ recipients: z.array(OwnRecipient) });

const adult = makePersonalIdentityNumber("1820-05-05", 123);

/** A new initiative of organisation A, and the address of its test environment. */
async function environmentUrl(world: TestWorld, name = "Digitala beslut") {
  const { id } = await world.seedInitiative({ name });
  return { initiativeId: id, envUrl: `/api/v1/initiatives/${id}/sandbox/environment` };
}

describe("an initiative's test environment, uploaded test CAs and own synthetic recipients (API)", () => {
  const world = useTestWorld({ env: { SANDBOX_PORT: "8443" } });
  const casUrl = () => `/api/v1/organisations/${world.orgA.id}/sandbox/trusted-cas`;
  const recipientsUrl = () => `/api/v1/organisations/${world.orgA.id}/sandbox/recipients`;

  /** What was audited about these entities, oldest first. */
  const auditActions = async (entityIds: string[]) =>
    (await world.db.select().from(auditLog).where(inArray(auditLog.entityId, entityIds)).orderBy(asc(auditLog.seq))).map((r) => r.action);
  /** How many times `action` was audited in organisation A. */
  const audited = async (action: string) =>
    (
      await world.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.organisationId, world.orgA.id)))
    )[0]?.n;

  describe("the environment", () => {
    it("answers enabled false without a slug before it was ever enabled", async () => {
      const pl = await world.loginAs("plA");
      const { envUrl } = await environmentUrl(world);
      const res = await pl.get(envUrl);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ enabled: false, slug: null, addresses: null, emulatorRunning: true });
    });

    it("enables with a new slug and addresses on the emulator's port, and keeps the slug when disabled and enabled again", async () => {
      const pl = await world.loginAs("plA");
      const { initiativeId, envUrl } = await environmentUrl(world);
      const env = parseBody(await pl.put(envUrl, { enabled: true, intermediaryOrgNr: "556677-8899" }), SandboxEnvironment);
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

      const disabled = parseBody(await pl.put(envUrl, { enabled: false }), SandboxEnvironment);
      expect(disabled).toMatchObject({ enabled: false, slug: env.slug, addresses: null, intermediaryOrgNr: "5566778899" });
      const again = parseBody(await pl.put(envUrl, { enabled: true, intermediaryOrgNr: null }), SandboxEnvironment);
      expect(again).toMatchObject({ enabled: true, slug: env.slug, intermediaryOrgNr: null });
      expect((await pl.get(envUrl)).json()).toMatchObject({ enabled: true, slug: env.slug });
      const [stored] = await world.db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, initiativeId));
      expect(await auditActions([stored?.id ?? ""])).toEqual([
        "sandbox.environment.enable",
        "sandbox.environment.disable",
        "sandbox.environment.enable",
      ]);
    });

    it("answers two first enables at the same moment without a server fault, and makes one environment", async () => {
      const pl = await world.loginAs("plA");
      const { initiativeId: id, envUrl: url } = await environmentUrl(world, "Samtidigt");
      const answers = await Promise.all([pl.put(url, { enabled: true }), pl.put(url, { enabled: true })]);
      for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode);
      expect(answers.some((a) => a.statusCode === 200)).toBe(true);
      expect(await world.db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, id))).toHaveLength(1);
    });

    it("checks the förmedlare's organisationsnummer", async () => {
      const pl = await world.loginAs("plA");
      const { envUrl } = await environmentUrl(world);
      const res = await pl.put(envUrl, { enabled: true, intermediaryOrgNr: "5566778898" });
      expect(parseBody(res, ErrorBody, 400).fields).toMatchObject([{ path: "intermediaryOrgNr", code: "orgnr_checksum" }]);
      expect((await pl.put(envUrl, { intermediaryOrgNr: null })).statusCode).toBe(400);
    });

    it("refuses a reader without the role (403) and hides it from another organisation (404)", async () => {
      const { envUrl } = await environmentUrl(world);
      const [reader, outsider] = [await world.loginAs("readerA"), await world.loginAs("plB")];
      expect((await reader.get(envUrl)).statusCode).toBe(403);
      expect((await reader.put(envUrl, { enabled: false })).statusCode).toBe(403);
      expect((await outsider.get(envUrl)).statusCode).toBe(404);
      expect((await outsider.put(envUrl, { enabled: false })).statusCode).toBe(404);
    });

    describe("where this installation runs no emulator", () => {
      const plain = useTestWorld();

      it("says so", async () => {
        const api = await plain.loginAs("plA");
        const { envUrl } = await environmentUrl(plain, "X");
        const env = parseBody(await api.put(envUrl, { enabled: true }), SandboxEnvironment);
        expect(env).toMatchObject({ enabled: true, emulatorRunning: false, addresses: null });
        expect(env.slug).toMatch(/^[a-z0-9]{10}$/);
      });
    });

    describe("where the installation names its operators (SANDBOX_OPERATORS)", () => {
      const named = useTestWorld({ env: { SANDBOX_PORT: "9443", SANDBOX_OPERATORS: "billo=Billo Test" } });

      it("names the operators as the installation does", async () => {
        const api = await named.loginAs("plA");
        const { envUrl } = await environmentUrl(named, "X");
        const env = parseBody(await api.put(envUrl, { enabled: true }), SandboxEnvironment);
        expect(env.addresses?.services.map((s) => [s.operatorId, s.name])).toEqual([
          ["kivra", "Kivra"],
          ["minmyndighetspost", "Min myndighetspost"],
          ["billo", "Billo Test"],
          ["fortnox", "Fortnox"],
        ]);
      });
    });
  });

  describe("uploaded test CAs", () => {
    /** The ids of organisation A's test CAs now. */
    const listed = async () => (await getJson(await world.loginAs("plA"), casUrl(), TrustedCas)).trustedCas.map((c) => c.id);

    it("adds a CA, lists it, refuses it twice and deletes it, all audited", async () => {
      const pl = await world.loginAs("plA");
      const ca = await createTestCa({ modulusLength: 1024 });
      const before = await listed();
      const row = await postJson(pl, casUrl(), { certificatePem: ca.certificatePem }, TrustedCa);
      expect(row.subject).toContain("CN=Ansluta test-CA");
      expect((await listed()).filter((id) => !before.includes(id))).toEqual([row.id]);

      const twice = await pl.post(casUrl(), { certificatePem: ca.certificatePem });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: "ALREADY_EXISTS", fields: [{ path: "certificatePem", code: "ca_duplicate" }] });

      expect((await pl.delete(`${casUrl()}/${row.id}`)).statusCode).toBe(204);
      expect((await pl.delete(`${casUrl()}/${row.id}`)).statusCode).toBe(404);
      expect(await listed()).toEqual(before);
      expect(await auditActions([row.id])).toEqual(["sandbox.trusted_ca.add", "sandbox.trusted_ca.remove"]);
    });

    it("explains each refusal by field and code, and never accepts a private key", async () => {
      const pl = await world.loginAs("plA");
      const ca = await createTestCa({ modulusLength: 1024 });
      const added = await audited("sandbox.trusted_ca.add");
      const body = parseBody(await pl.post(casUrl(), { certificatePem: ca.certificatePem + ca.privateKeyPem }), ErrorBody, 400);
      expect(body.fields).toMatchObject([{ path: "certificatePem", code: "ca_private_key" }]);
      expect(body.fields?.[0]?.message).toMatch(/never upload private keys/);
      const fieldsOf = async (payload: object) => parseBody(await pl.post(casUrl(), payload), ErrorBody, 400).fields;
      expect((await fieldsOf({ certificatePem: "hello" }))?.[0]?.code).toBe("ca_no_certificate");
      expect((await fieldsOf({}))?.[0]).toMatchObject({ path: "certificatePem", code: "required" });
      // None of the refusals was recorded as an upload.
      expect(await audited("sandbox.trusted_ca.add")).toBe(added);
    });

    it("refuses a reader without the role (403) and hides the CAs from another organisation (404)", async () => {
      const pl = await world.loginAs("plA");
      const [reader, outsider] = [await world.loginAs("readerA"), await world.loginAs("plB")];
      const ca = await createTestCa({ modulusLength: 1024 });
      const before = await listed();
      const { id } = await postJson(pl, casUrl(), { certificatePem: ca.certificatePem }, TrustedCa);
      expect((await reader.get(casUrl())).statusCode).toBe(403);
      expect((await reader.post(casUrl(), { certificatePem: ca.certificatePem })).statusCode).toBe(403);
      expect((await reader.delete(`${casUrl()}/${id}`)).statusCode).toBe(403);
      expect((await outsider.get(casUrl())).statusCode).toBe(404);
      expect((await outsider.delete(`${casUrl()}/${id}`)).statusCode).toBe(404);
      // B's own URL with A's CA id: not B's CA.
      expect((await outsider.delete(`/api/v1/organisations/${world.orgB.id}/sandbox/trusted-cas/${id}`)).statusCode).toBe(404);
      expect((await listed()).filter((x) => !before.includes(x))).toEqual([id]);
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
    /** Organisation A's own recipients now. */
    const listed = async () => (await getJson(await world.loginAs("plA"), recipientsUrl(), OwnRecipients)).recipients;

    it("adds recipients with the decision a conformant sender makes, refuses a number twice, deletes them, all audited", async () => {
      const pl = await world.loginAs("plA");
      const before = new Set((await listed()).map((r) => r.id));
      const added = await pl.post(recipientsUrl(), secure);
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({
        recipientId: adult,
        recipientKind: "personnummer",
        operatorId: "billo",
        expected: { deliver: true },
      });
      const org = organisationRecipientId(makeSyntheticOrganisationNumber(555));
      const noMailbox = await pl.post(recipientsUrl(), {
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
      expect((await pl.post(recipientsUrl(), { ...secure, recipientId: minor })).json()).toMatchObject({
        expected: { deliver: false, reason: "minor" },
      });

      const list = (await listed()).filter((r) => !before.has(r.id));
      expect(list.map((r) => r.recipientId)).toEqual([adult, org, minor]);

      const twice = await pl.post(recipientsUrl(), { ...secure, recipientId: `${adult.slice(0, 8)}-${adult.slice(8)}` });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: "ALREADY_EXISTS", fields: [{ path: "recipientId", code: "recipient_duplicate" }] });

      const first = list[0]?.id ?? "";
      expect((await pl.delete(`${recipientsUrl()}/${first}`)).statusCode).toBe(204);
      expect((await pl.delete(`${recipientsUrl()}/${first}`)).statusCode).toBe(404);
      expect(await auditActions(list.map((r) => r.id))).toEqual([
        "sandbox.recipient.add",
        "sandbox.recipient.add",
        "sandbox.recipient.add",
        "sandbox.recipient.remove",
      ]);
    });

    it("accepts only synthetic numbers, and says which", async () => {
      const pl = await world.loginAs("plA");
      const real = await pl.post(recipientsUrl(), { ...secure, recipientId: makePersonalIdentityNumber("1990-01-01", 123) });
      const body = parseBody(real, ErrorBody, 400);
      expect(body.fields).toMatchObject([{ path: "recipientId", code: "recipient_not_synthetic" }]);
      expect(body.fields?.[0]?.message).toMatch(/1800–1839 .* 2090–2099 .* group digit 4/);
      const codeOf = async (recipientId: string) =>
        parseBody(await pl.post(recipientsUrl(), { ...secure, recipientId }), ErrorBody, 400).fields?.[0]?.code;
      expect(await codeOf("12345")).toBe("recipient_format");
      expect(await codeOf(`${adult.slice(0, 11)}${(Number(adult[11]) + 1) % 10}`)).toBe("recipient_checksum");
      expect(await codeOf(SCENARIOS[0]?.recipientId ?? "")).toBe("recipient_fixed_scenario");
    });

    it("wants an operator for a mailbox and none without one, and checks the fields' shape", async () => {
      const pl = await world.loginAs("plA");
      const other = makePersonalIdentityNumber("1821-02-03", 456);
      const fieldsOf = async (payload: object) => parseBody(await pl.post(recipientsUrl(), payload), ErrorBody, 400).fields;
      expect(await fieldsOf({ ...secure, recipientId: other, operatorId: null })).toMatchObject([
        { path: "operatorId", code: "operator_required" },
      ]);
      expect(await fieldsOf({ ...secure, recipientId: other, accountType: "Not" })).toMatchObject([
        { path: "operatorId", code: "operator_not_allowed" },
      ]);
      const shape = await fieldsOf({
        ...secure,
        recipientId: other,
        accountType: "Maybe",
        operatorId: "postnord",
        operatorBehaviour: "slow",
      });
      expect(shape?.map((f) => [f.path, f.code])).toEqual([
        ["accountType", "invalid_choice"],
        ["operatorId", "invalid_choice"],
        ["operatorBehaviour", "invalid_choice"],
      ]);
    });

    it("refuses a reader without the role (403) and hides the recipients from another organisation (404)", async () => {
      const pl = await world.loginAs("plA");
      const [reader, outsider] = [await world.loginAs("readerA"), await world.loginAs("plB")];
      const { id } = await postJson(
        pl,
        recipientsUrl(),
        { ...secure, recipientId: makePersonalIdentityNumber("1824-07-08", 123), label: "Läsaren ser inte denna" },
        OwnRecipient,
      );
      expect((await reader.get(recipientsUrl())).statusCode).toBe(403);
      expect((await reader.post(recipientsUrl(), secure)).statusCode).toBe(403);
      expect((await reader.delete(`${recipientsUrl()}/${id}`)).statusCode).toBe(403);
      expect((await outsider.get(recipientsUrl())).statusCode).toBe(404);
      expect((await outsider.post(recipientsUrl(), secure)).statusCode).toBe(404);
      expect((await outsider.delete(`/api/v1/organisations/${world.orgB.id}/sandbox/recipients/${id}`)).statusCode).toBe(404);
    });
  });
});
