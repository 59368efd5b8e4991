import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, communicationAnswers, initiatives } from "../../src/db/schema.ts";
import { CommunicationList } from "../../src/http/routes/communications/communications.schema.ts";
import { OpenDataBody } from "../../src/http/routes/portfolio/open-data.schema.ts";
import { getJson, parseBody, useTestWorld } from "../support/test-world.ts";

/**
 * The förvaltningsgrupp answering one message several times at once, and an organisation's
 * projektledare and verksamhetsägare marking an initiative publishable and not at the same moment:
 * every 2xx is stored, the audit tells each change that happened, and the export agrees with the row.
 * PGlite runs one transaction at a time, so there these pass trivially; on PostgreSQL they race.
 */
describe("concurrent answers and open-data marks", () => {
  const world = useTestWorld();
  const audited = async (action: string, entityId: string) =>
    (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    ).length;

  it("keeps every answer sent at once, each audited", async () => {
    await world.seedInitiative({ name: "Samtidiga svar", phase: 3 });
    const fg = await world.loginAs("fg");
    const list = await getJson(fg, "/api/v1/communications", CommunicationList);
    const message = list.communications.find((c) => c.initiativeName === "Samtidiga svar" && c.recipient.kind === "forvaltningsgrupp");
    if (!message) throw new Error("no communication to the förvaltningsgrupp");
    const texts = Array.from({ length: 6 }, (_, i) => `Svar nummer ${i + 1}`);
    const answers = await Promise.all(texts.map((text) => fg.post(`/api/v1/communications/${message.id}/answers`, { text })));
    expect(answers.map((a) => a.statusCode)).toEqual(texts.map(() => 201));
    const stored = await world.db.select().from(communicationAnswers).where(eq(communicationAnswers.communicationId, message.id));
    expect(stored.map((a) => a.text).sort()).toEqual([...texts].sort());
    expect(await audited("communication.answer", message.id)).toBe(6);
  });

  it("ends with the last mark stored, one audit entry per change, and the export agreeing", async () => {
    const initiative = await world.seedInitiative({ name: "Samtidigt publicerbar", phase: 2 });
    const [pl, va] = [await world.loginAs("plA"), await world.loginAs("vaA")];
    const marks = [true, false, true, false, true, false];
    const answers = await Promise.all(
      marks.map((publishable, i) => (i % 2 ? va : pl).put(`/api/v1/initiatives/${initiative.id}/open-data`, { publishable })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(marks.map(() => 200));
    const [row] = await world.db
      .select({ publishable: initiatives.publishable })
      .from(initiatives)
      .where(eq(initiatives.id, initiative.id));
    // Each audit entry is a change from one state to the other: they must chain from "off" to what is stored.
    const entries = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "initiative.publishable"), eq(auditLog.entityId, initiative.id)))
      .orderBy(auditLog.seq);
    let state = false;
    for (const entry of entries) {
      expect(entry.before).toEqual({ publishable: state });
      state = !state;
      expect(entry.after).toEqual({ publishable: state });
    }
    expect(state).toBe(row?.publishable);
    const open = parseBody(await world.app.inject({ method: "GET", url: "/api/v1/open-data/connections.json" }), OpenDataBody);
    expect(open.connections.some((c) => c.initiativeName === "Samtidigt publicerbar")).toBe(row?.publishable);
  });
});
