import { describe, expect, it } from "vitest";
import { makePersonalIdentityNumber } from "../../src/sandbox/recipients/identity-numbers.ts";
import { createTestCa } from "../../src/sandbox/tls/test-ca.ts";
import { useTestWorld } from "../support/test-world.ts";

const adult = makePersonalIdentityNumber("1822-03-04", 155);

describe("the test environment, own recipients and test CAs as pages", () => {
  const world = useTestWorld({ env: { SANDBOX_PORT: "8443" } });
  /** A new initiative of organisation A, and its projektledare's browser. */
  const initiativeAndSession = async () => {
    const { id } = await world.seedInitiative({ name: "Digitala beslut" });
    return { initiativeId: id, session: await world.browserAs("plA") };
  };

  it("enables the environment from the initiative's page and shows its addresses, WSDLs and recipients", async () => {
    const { initiativeId, session } = await initiativeAndSession();
    const page = `/initiatives/${initiativeId}/sandbox`;
    const before = await session.get(page);
    expect(before.body).toContain("Initiativet har ingen testmiljö ännu");
    expect(before.body).toContain("Aktivera testmiljön");
    expect(before.body).not.toContain("SANDBOX_PORT");
    expect(before.body).toContain("Vuxen med brevlåda hos Kivra som tar emot från avsändaren");
    expect(before.body).toContain("Skicka inte: ingen digital brevlåda");
    // Without a mailbox the emulator faults every delivery (recipient not found): never "Levererat".
    const noMailboxRow =
      /<tr>(?:(?!<\/tr>)[\s\S])*Skicka inte: ingen digital brevlåda(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(before.body)?.[0] ?? "";
    expect(noMailboxRow).toContain("SOAP-fel: mottagaren saknas (felkod 5003)");
    expect(noMailboxRow).not.toContain("Levererat");

    const enabled = await session.post(`${page}/environment`, { enabled: "true", intermediaryOrgNr: "" });
    expect(enabled.statusCode).toBe(303);
    expect(enabled.headers.location).toBe(`${page}#environment-heading`);
    const after = await session.get(page);
    expect(after.body).toContain("Testmiljön är aktiverad.");
    const slug = /https:\/\/ansluta\.test:8443\/e\/([a-z0-9]{10})\/Recipient\/v3/.exec(after.body)?.[1];
    expect(slug).toBeDefined();
    expect(after.body).toContain(`<code data-testid="environment-address">https://ansluta.test:8443/e/${slug}/Service/v3/fortnox</code>`);
    expect(after.body).toContain(`href="https://ansluta.test:8443/e/${slug}/Recipient/v3?wsdl"`);
    expect(after.body).toContain(`href="https://ansluta.test:8443/e/${slug}/Authority?wsdl">WSDL för Authority (getSenders)</a>`);
    expect(after.body).toContain(`/api/v1/organisations/${world.orgA.id}/sandbox/certificate`);
    expect(after.body).toContain('href="/sandbox/ca.pem"');
    expect(after.body).toContain(`href="/organisations/${world.orgA.id}/sandbox/recipients"`);
    expect(after.body).toContain(`href="/organisations/${world.orgA.id}/sandbox/trusted-cas"`);
  });

  it("explains a wrong förmedlare number in an error summary, and disables the environment keeping the förmedlare", async () => {
    const { initiativeId, session } = await initiativeAndSession();
    const page = `/initiatives/${initiativeId}/sandbox`;
    const wrong = await session.post(`${page}/environment`, { enabled: "true", intermediaryOrgNr: "556677-8898" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#f-intermediaryOrgNr"');
    expect(wrong.body).toContain("kontrollsiffran stämmer inte");
    expect(wrong.body).toContain('value="556677-8898"');

    expect((await session.post(`${page}/environment`, { enabled: "true", intermediaryOrgNr: "556677-8899" })).statusCode).toBe(303);
    expect((await session.get(page)).body).toContain("Förmedlare som får anropa för organisationen: 556677-8899.");
    expect((await session.post(`${page}/environment`, { enabled: "false" })).statusCode).toBe(303);
    const disabled = await session.get(page);
    expect(disabled.body).toContain("Testmiljön är avstängd och tar inte emot anrop");
    expect(disabled.body).not.toContain('data-testid="environment-address"');
    expect(disabled.body).toContain("Förmedlare som får anropa för organisationen: 556677-8899.");
  });

  it("shows a reader the page without the environment, and refuses the form", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name: "Digitala beslut" });
    const reader = await world.browserAs("readerA");
    const page = await reader.get(`/initiatives/${initiativeId}/sandbox`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("Aktivera testmiljön");
    expect((await reader.post(`/initiatives/${initiativeId}/sandbox/environment`, { enabled: "true" })).statusCode).toBe(403);
    expect((await reader.get(`/organisations/${world.orgA.id}/sandbox/recipients`)).statusCode).toBe(403);
    expect((await reader.get(`/organisations/${world.orgA.id}/sandbox/trusted-cas`)).statusCode).toBe(403);
  });

  it("adds, refuses and removes own recipients, and shows them on the initiative's page", async () => {
    const { initiativeId, session } = await initiativeAndSession();
    const url = `/organisations/${world.orgA.id}/sandbox/recipients`;
    const form = {
      recipientId: adult,
      label: "Vuxen hos Fortnox",
      accountType: "Secure",
      operatorId: "fortnox",
      options: ["senderAccepted"],
      operatorBehaviour: "delivered",
    };
    const empty = await session.get(url);
    expect(empty.body).toContain("Organisationen har inga egna testmottagare ännu.");

    const real = await session.post(url, { ...form, recipientId: makePersonalIdentityNumber("1985-06-07", 123) });
    expect(real.statusCode).toBe(400);
    expect(real.body).toContain("Bara syntetiska nummer tas emot");
    expect(real.body).toContain('href="#f-recipientId"');
    const noOperator = await session.post(url, { ...form, operatorId: "" });
    expect(noOperator.body).toContain("Välj en brevlådeoperatör för en mottagare med brevlåda.");

    const added = await session.post(url, form);
    expect(added.statusCode).toBe(303);
    const list = await session.get(url);
    expect(list.body).toContain(`Testmottagaren ${adult} är tillagd.`);
    expect(list.body).toContain("Vuxen hos Fortnox");
    expect(list.body).toContain("Leverera");
    const pending = await session.post(url, {
      ...form,
      recipientId: makePersonalIdentityNumber("1823-03-04", 166),
      options: ["senderAccepted", "pending"],
    });
    expect(pending.statusCode).toBe(303);
    expect((await session.get(url)).body).toContain("Skicka inte: brevlådan är inte aktiverad");

    const twice = await session.post(url, form);
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("Organisationen har redan en testmottagare med det här numret.");

    expect((await session.get(`/initiatives/${initiativeId}/sandbox`)).body).toContain("Vuxen hos Fortnox");
    const id = /action="\/organisations\/[0-9a-f-]+\/sandbox\/recipients\/([0-9a-f-]{36})\/delete"/.exec(list.body)?.[1];
    expect((await session.post(`${url}/${id}/delete`, {})).statusCode).toBe(303);
    const after = (await session.get(url)).body;
    expect(after).toContain("Testmottagaren är borttagen.");
    expect(after).not.toContain(`<code>${adult}</code>`);
  });

  it("uploads and removes a test CA, and never echoes a pasted private key", async () => {
    const session = await world.browserAs("plA");
    const ca = await createTestCa({ modulusLength: 1024 });
    const url = `/organisations/${world.orgA.id}/sandbox/trusted-cas`;
    const key = await session.post(url, { certificatePem: ca.certificatePem + ca.privateKeyPem });
    expect(key.statusCode).toBe(400);
    expect(key.body).toContain("Ladda aldrig upp privata nycklar");
    expect(key.body).not.toContain("PRIVATE KEY-----");
    const largeWithKey = await session.post(url, { certificatePem: `${ca.certificatePem}${"\n".repeat(20_000)}${ca.privateKeyPem}` });
    expect(largeWithKey.statusCode).toBe(400);
    expect(largeWithKey.body).not.toContain("PRIVATE KEY-----");
    const notCa = await session.post(url, { certificatePem: "hello" });
    expect(notCa.body).toContain("Hittade inget certifikat.");
    expect(notCa.body).toContain(">hello</textarea>");

    expect((await session.post(url, { certificatePem: ca.certificatePem })).statusCode).toBe(303);
    const list = await session.get(url);
    expect(list.body).toContain("Test-CA:t är uppladdat.");
    expect(list.body).toContain("Ansluta test-CA");
    expect((await session.post(url, { certificatePem: ca.certificatePem })).statusCode).toBe(409);
    const id = /action="\/organisations\/[0-9a-f-]+\/sandbox\/trusted-cas\/([0-9a-f-]{36})\/delete"/.exec(list.body)?.[1];
    expect((await session.post(`${url}/${id}/delete`, {})).statusCode).toBe(303);
    expect((await session.get(url)).body).toContain("Organisationen har inte laddat upp något test-CA.");
  });

  it("hands a session the installation's test CA", async () => {
    const session = await world.browserAs("plA");
    const pem = await session.get("/sandbox/ca.pem");
    expect(pem.statusCode).toBe(200);
    expect(pem.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect((await world.anonymousBrowser().get("/sandbox/ca.pem")).statusCode).toBe(303);
  });

  it("hands a projektledare a new test certificate as one PEM file from a button, and nobody else", async () => {
    const { initiativeId, session } = await initiativeAndSession();
    const url = `/organisations/${world.orgA.id}/sandbox/certificate.pem`;
    expect((await session.get(`/initiatives/${initiativeId}/sandbox`)).body).toContain(`action="${url}"`);
    const file = await session.post(url, {});
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("application/x-pem-file");
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="ansluta-testcertifikat-${world.orgA.number}.pem"`);
    expect(file.headers["cache-control"]).toBe("no-store");
    expect(file.body).toContain("-----BEGIN PRIVATE KEY-----");
    expect(file.body).toMatch(new RegExp(`# Subject: .*serialNumber=16${world.orgA.number}`, "i"));
    const reader = await world.browserAs("readerA");
    expect((await reader.post(url, {})).statusCode).toBe(403);
    const outsider = await world.browserAs("plB");
    expect((await outsider.post(url, {})).statusCode).toBe(404);
  });

  describe("where SANDBOX_PORT is unset", () => {
    const plain = useTestWorld();

    it("says the emulator is not running, and how to start it", async () => {
      const { id } = await plain.seedInitiative({ name: "X" });
      const s = await plain.browserAs("plA");
      const page = await s.get(`/initiatives/${id}/sandbox`);
      expect(page.body).toContain("Emulatorn körs inte på den här installationen");
      expect(page.body).toContain("SANDBOX_PORT");
    });
  });
});
