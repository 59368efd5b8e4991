import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-database.ts";
import { SYSTEM_ACTOR } from "../../domain/access/actor.ts";
import { createOrganisation } from "../../domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../../domain/organisations/organisation-number.ts";
import { insertTestEnvironment } from "../../sandbox/testing/database-environment.ts";
import type { DatabaseHandle } from "../database.ts";
import { sandboxTrustedCas } from "../schema.ts";
import { insertSandboxEventWithMessages, sandboxMessagesOf, sandboxTrustedCaPems } from "./sandbox-repository.ts";

let handle: DatabaseHandle;
let organisationId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  const organisation = await createOrganisation({
    db: handle.db,
    actor: SYSTEM_ACTOR,
    now: new Date(),
    input: { name: "Sundsvalls kommun", number: "2120002411" as OrganisationNumber, kind: "kommun" },
  });
  organisationId = organisation.id;
});
afterAll(async () => handle?.close());

describe("the test CAs the emulator trusts for an organisation", () => {
  it("leaves out one that has expired since it was uploaded", async () => {
    const ca = (name: string, validTo: Date) => ({
      organisationId,
      certificatePem: `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----`,
      subject: `CN=${name}`,
      fingerprint256: name,
      validTo,
    });
    await handle.db
      .insert(sandboxTrustedCas)
      .values([ca("valid", new Date(Date.now() + 86_400_000)), ca("expired", new Date(Date.now() - 1000))]);
    expect((await sandboxTrustedCaPems(handle.db, organisationId)).map((c) => c.fingerprint256)).toEqual(["valid"]);
  });
});

describe("what deliveries carried", () => {
  it("is kept for the environment's newest deliveries only; the calls themselves stay", async () => {
    const environment = await insertTestEnvironment(handle.db, { organisationId, slug: "keepmsg001" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      ids.push(id);
      await insertSandboxEventWithMessages(
        handle.db,
        {
          id,
          at: new Date(Date.UTC(2026, 10, 27, 10, 0, i)),
          organisationId,
          environmentId: environment.id,
          endpoint: "service",
          operation: "deliverSecure",
          outcome: "delivered",
          durationMs: 5,
          checks: [],
        },
        [{ position: 0, subject: `Meddelande ${i}`, bodyContentType: "text/plain", bodyBase64: "SGVq", attachments: [] }],
        2,
      );
    }
    const kept = await Promise.all(ids.map(async (id) => (await sandboxMessagesOf(handle.db, id)).length));
    expect(kept).toEqual([0, 0, 1, 1]);
  });
});
