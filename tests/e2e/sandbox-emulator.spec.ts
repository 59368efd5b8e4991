import { scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { ReferenceSender, signerOf } from "../../src/sandbox/testing/reference-sender.ts";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

/**
 * The whole path a sender's team walks, with the emulator running beside the app: Skatteverket's
 * projektledare enables the initiative's test environment and fetches a client certificate
 * through the API, a reference sender calls the emulator over mutual TLS exactly as their system
 * would, and the call then shows in the test-run view with its checks and the delivered message
 * as a recipient would see it (in a sandboxed frame), its PDF downloadable. Only this test touches
 * "Besked om preliminär skatt".
 */

const USER = "projektledare@skatteverket.example";
const INITIATIVE = "Besked om preliminär skatt";
const ORGANISATION = { organisationNumber: "2021005448", organisationName: "Skatteverket" };

for (const javaScriptEnabled of [false, true]) {
  test.describe(`the emulator and the test-run view, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a delivery made over mutual TLS shows in the test-run view; every page passes axe", async ({ page, request }) => {
      const login = await request.post("/api/v1/auth/login", { data: { email: USER, password: DEMO_PASSWORD } });
      const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      const { initiatives } = (await (await request.get("/api/v1/initiatives", { headers })).json()) as {
        initiatives: { id: string; name: string; organisationId: string }[];
      };
      const initiative = initiatives.find((i) => i.name === INITIATIVE);
      if (!initiative) throw new Error(`no initiative ${INITIATIVE} in the demo`);

      const environment = await request.put(`/api/v1/initiatives/${initiative.id}/sandbox/environment`, {
        headers,
        data: { enabled: true },
      });
      expect(environment.status()).toBe(200);
      const { addresses } = (await environment.json()) as { addresses: { recipient: string } };
      const issued = await request.post(`/api/v1/organisations/${initiative.organisationId}/sandbox/certificate`, { headers });
      expect(issued.status()).toBe(201);
      const certificate = (await issued.json()) as { certificatePem: string; privateKeyPem: string; caCertificatePem: string };

      const sender = new ReferenceSender({
        baseUrl: addresses.recipient.replace(/\/Recipient\/v3$/, ""),
        ca: certificate.caCertificatePem,
        certificate,
        signer: signerOf(certificate, ORGANISATION),
        sender: { id: `16${ORGANISATION.organisationNumber}`, name: ORGANISATION.organisationName },
        timeoutMs: 10_000,
      });
      const sent = await sender.send(scenarioById("reachable-kivra").recipientId);
      expect(sent.outcome?.kind).toBe("delivered");

      await loginAs(page, USER);
      await page.goto(`/initiatives/${initiative.id}/sandbox/calls`);
      await expect(page.getByRole("heading", { level: 1, name: "Anrop till testmiljön" })).toBeVisible();
      // Newest first: this test's delivery heads the list (the other pass may have left one below it).
      const delivery = page.getByRole("row").filter({ hasText: "deliverSecure" }).first();
      await expect(delivery).toBeVisible();
      await expect(page.getByRole("row").filter({ hasText: "isReachable" }).first()).toBeVisible();
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

      await delivery.getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("iframe")).toHaveAttribute("sandbox", "");
      await expect(page.frameLocator("iframe").getByText("beslutet")).toBeVisible();
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

      const pdf = await page.request.get((await page.getByRole("link", { name: /beslut\.pdf/ }).getAttribute("href")) ?? "");
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    });
  });
}
