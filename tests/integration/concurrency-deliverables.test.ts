import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { auditLog, deliverables, deliverableVersions } from "../../src/db/schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { ConformanceReportCreated } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

type DeliverableJson = z.infer<typeof Deliverable>;

/**
 * Writes that two people can make at once, fired together: every write that answers 2xx must be
 * in the database, and the audit log must say exactly what happened, in the order it happened.
 * PGlite runs one transaction at a time, so there these pass trivially; on PostgreSQL the
 * requests really overlap (the pool has several connections).
 */
describe("concurrent writes to deliverables (and the activities beside them)", () => {
  const world = useTestWorld();
  /** The projektledare, who writes, and the verksamhetsägare: a second person who fastställer what she wrote. */
  const team = async () => ({ pl: await world.loginAs("plA"), va: await world.loginAs("vaA") });

  /** Documents of the types with the most sections in a new initiative, so many different sections can be written at once. */
  async function createDeliverables(count: number): Promise<DeliverableJson[]> {
    const pl = await world.loginAs("plA");
    const { id: initiativeId } = await world.seedInitiative({ name: "Samtidiga ändringar" });
    const types = [...methodV12.deliverableTypes].sort((a, b) => b.template.length - a.template.length).slice(0, 12);
    const docs: DeliverableJson[] = [];
    for (let i = 0; i < count; i++) {
      const type = types[i % types.length];
      docs.push(await postJson(pl, `/api/v1/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: type?.id }, Deliverable));
    }
    return docs;
  }
  const createDeliverable = async () => {
    const [doc] = await createDeliverables(1);
    if (!doc) throw new Error("no deliverable");
    return doc;
  };

  const latestOf = async (id: string) => {
    const doc = await getJson(await world.loginAs("plA"), `/api/v1/deliverables/${id}`, Deliverable);
    const latest = doc.versions.at(-1);
    if (!latest) throw new Error("a deliverable without a version");
    return { doc, latest };
  };

  const auditOf = async (ids: string[], actions: string[]) =>
    world.db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.entityId, ids), inArray(auditLog.action, actions)))
      .orderBy(asc(auditLog.seq));

  const sectionsOf = (v: unknown) => (v as { sections: Record<string, string> }).sections;

  /** A text for every section fastställa requires, and `first` in the first section. */
  const complete = (doc: DeliverableJson, first: string) => ({
    ...Object.fromEntries(doc.template.filter((s) => s.required).map((s) => [s.id, `Klart: ${s.id}.`])),
    [doc.template[0]?.id ?? ""]: first,
  });

  it("keeps every one of 200 concurrent edits of different sections over 34 documents, each audited as stored", async () => {
    const { pl } = await team();
    const docs = await createDeliverables(34);
    // Round robin over the documents, so each document gets several edits at the same moment.
    const pairs: { id: string; section: string }[] = [];
    for (let s = 0; pairs.length < 200; s++) {
      const before = pairs.length;
      for (const d of docs) {
        const section = d.template[s]?.id;
        if (section && pairs.length < 200) pairs.push({ id: d.id, section });
      }
      expect(pairs.length, "the documents have enough sections").toBeGreaterThan(before);
    }
    const answers = await Promise.all(
      pairs.map((p, i) => pl.put(`/api/v1/deliverables/${p.id}/sections`, { sections: { [p.section]: `Text ${i} i ${p.section}.` } })),
    );
    const ok = answers.filter((a) => a.statusCode === 200).length;
    expect(answers.filter((a) => a.statusCode !== 200).map((a) => a.body)).toEqual([]);

    const ids = docs.map((d) => d.id);
    const stored = await world.db.select().from(deliverableVersions).where(inArray(deliverableVersions.deliverableId, ids));
    expect(stored).toHaveLength(34);
    const kept = pairs.filter((p, i) => {
      const row = stored.find((r) => r.deliverableId === p.id);
      return ((row?.sections ?? {}) as Record<string, string>)[p.section] === `Text ${i} i ${p.section}.`;
    }).length;
    expect({ answered200: ok, kept }).toEqual({ answered200: 200, kept: 200 });

    const audit = await auditOf(ids, ["deliverable.edit"]);
    expect(audit).toHaveLength(ok);
    // Per document, each entry starts from what the one before it stored, and the last is what is stored now.
    for (const row of stored) {
      const own = audit.filter((a) => a.entityId === row.deliverableId);
      for (let i = 1; i < own.length; i++) expect(sectionsOf(own[i]?.before)).toEqual(sectionsOf(own[i - 1]?.after));
      expect(sectionsOf(own[own.length - 1]?.after)).toEqual(row.sections);
    }
  }, 120_000);

  it("makes exactly one new version from six concurrent edits of a fastställd version, and keeps all six", async () => {
    const { pl, va } = await team();
    const doc = await createDeliverable();
    expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: complete(doc, "Start.") })).statusCode).toBe(200);
    expect((await va.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const sections = doc.template.slice(0, 6).map((s) => s.id);
    expect(sections).toHaveLength(6);
    const answers = await Promise.all(
      sections.map((s) => pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [s]: `Ny text i ${s}.` } })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);

    const { doc: after, latest } = await latestOf(doc.id);
    expect(after.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "faststalld"],
      [2, "utkast"],
    ]);
    for (const s of sections) expect(latest.sections[s]).toBe(`Ny text i ${s}.`);
    const audit = await auditOf([doc.id], ["deliverable.new_version", "deliverable.edit"]);
    expect(audit.map((a) => a.action)).toEqual(["deliverable.edit", "deliverable.new_version", ...Array(5).fill("deliverable.edit")]);
    expect(sectionsOf(audit[audit.length - 1]?.after)).toEqual(latest.sections);
  });

  it("records only the status changes that happened when fastställ and för granskning race", async () => {
    const { pl, va } = await team();
    const docs = await createDeliverables(12);
    for (const d of docs) {
      const r = await pl.put(`/api/v1/deliverables/${d.id}/sections`, { sections: complete(d, "Klart.") });
      expect(r.statusCode).toBe(200);
    }
    const answers = await Promise.all(
      docs.flatMap((d) => [
        va.post(`/api/v1/deliverables/${d.id}/status`, { status: "faststalld" }),
        pl.post(`/api/v1/deliverables/${d.id}/status`, { status: "for_granskning" }),
      ]),
    );
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 409)).toBe(true);
    const audit = await auditOf(
      docs.map((d) => d.id),
      ["deliverable.status"],
    );
    expect(audit).toHaveLength(answers.filter((a) => a.statusCode === 200).length);
    for (const d of docs) {
      const { latest } = await latestOf(d.id);
      const own = audit.filter((a) => a.entityId === d.id);
      // The entries form one unbroken path from utkast to the status stored now.
      let status = "utkast";
      for (const e of own) {
        expect((e.before as { status: string }).status).toBe(status);
        status = (e.after as { status: string }).status;
      }
      expect(status).toBe(latest.status);
      expect(latest.status).toBe("faststalld");
    }
  });

  it("answers with the ETag, and refuses a change sent with a stale one (If-Match or baseEtag) without recording anything", async () => {
    const { pl } = await team();
    const doc = await createDeliverable();
    const [first, second] = doc.template.map((s) => s.id) as [string, string];
    const read = await pl.get(`/api/v1/deliverables/${doc.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^"v1-utkast-[0-9a-f]{16}"$/);
    expect(parseBody(read, Deliverable).etag).toBe(etag);

    const saved = await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [first]: "Först." }, baseEtag: etag });
    expect(saved.statusCode).toBe(200);
    const newer = saved.headers.etag as string;
    expect(newer).not.toBe(etag);
    expect(parseBody(saved, Deliverable).etag).toBe(newer);

    const audited = async () => (await auditOf([doc.id], ["deliverable.edit", "deliverable.status"])).length;
    const before = await audited();
    const staleBody = await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [second]: "Sent." }, baseEtag: etag });
    expect(staleBody.statusCode).toBe(409);
    expect(staleBody.json()).toMatchObject({ code: "EDIT_CONFLICT" });
    const staleHeader = await world.app.inject({
      method: "PUT",
      url: `/api/v1/deliverables/${doc.id}/sections`,
      headers: { authorization: `Bearer ${pl.token}`, "if-match": etag },
      payload: { sections: { [second]: "Sent." } },
    });
    expect(staleHeader.statusCode).toBe(409);
    const staleStatus = await pl.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld", baseEtag: etag });
    expect(staleStatus.json()).toMatchObject({ code: "EDIT_CONFLICT" });
    expect(await audited()).toBe(before);
    const { latest } = await latestOf(doc.id);
    expect([latest.status, latest.sections[first], latest.sections[second]]).toEqual(["utkast", "Först.", ""]);

    const current = await world.app.inject({
      method: "POST",
      url: `/api/v1/deliverables/${doc.id}/status`,
      headers: { authorization: `Bearer ${pl.token}`, "if-match": `"v0-x-y", ${newer}` },
      payload: { status: "for_granskning" },
    });
    expect(current.statusCode).toBe(200);
    expect(await audited()).toBe(before + 1);
  });

  it("lets exactly one of several whole-document edits made on the same version win", async () => {
    const { pl } = await team();
    const doc = await createDeliverable();
    const sections = (n: number) => Object.fromEntries(doc.template.map((s) => [s.id, `Person ${n} skrev hela dokumentet.`]));
    const answers = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) => pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: sections(n), baseEtag: doc.etag })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = answers.findIndex((a) => a.statusCode === 200);
    const { latest } = await latestOf(doc.id);
    expect(latest.sections).toEqual(sections(winner));
    const audit = await auditOf([doc.id], ["deliverable.edit"]);
    expect(audit.map((a) => sectionsOf(a.after))).toEqual([sections(winner)]);
  });

  it("lets exactly one of two status changes made on the same version win", async () => {
    const { pl, va } = await team();
    const docs: DeliverableJson[] = [];
    for (const d of await createDeliverables(6)) {
      docs.push(parseBody(await pl.put(`/api/v1/deliverables/${d.id}/sections`, { sections: complete(d, "Klart.") }), Deliverable));
    }
    const answers = await Promise.all(
      docs.flatMap((d) => [
        va.post(`/api/v1/deliverables/${d.id}/status`, { status: "faststalld", baseEtag: d.etag }),
        pl.post(`/api/v1/deliverables/${d.id}/status`, { status: "for_granskning", baseEtag: d.etag }),
      ]),
    );
    for (let i = 0; i < docs.length; i++) {
      expect([answers[2 * i]?.statusCode, answers[2 * i + 1]?.statusCode].sort()).toEqual([200, 409]);
    }
    const audit = await auditOf(
      docs.map((d) => d.id),
      ["deliverable.status"],
    );
    expect(audit).toHaveLength(docs.length);
  });

  it("fastställer a version once when two people fastställa it at once: one 200, one refusal, one audit entry naming the winner", async () => {
    const { pl, va } = await team();
    const deltagare = await world.loginAs("consultant");
    const { id: initiativeId } = await world.seedInitiative({ name: "Samtidigt fastställda" });
    const docs: DeliverableJson[] = [];
    for (let i = 0; i < 6; i++) {
      docs.push(
        await postJson(deltagare, `/api/v1/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "riskanalys" }, Deliverable),
      );
    }
    for (const d of docs) {
      // Created and written by a deltagare, so both the projektledare and the verksamhetsägare are second persons.
      const r = await deltagare.put(`/api/v1/deliverables/${d.id}/sections`, { sections: complete(d, "Skrivet av deltagaren.") });
      expect(r.statusCode).toBe(200);
      expect((await deltagare.post(`/api/v1/deliverables/${d.id}/status`, { status: "for_granskning" })).statusCode).toBe(200);
    }
    const answers = await Promise.all(
      docs.flatMap((d) => [
        pl.post(`/api/v1/deliverables/${d.id}/status`, { status: "faststalld" }),
        va.post(`/api/v1/deliverables/${d.id}/status`, { status: "faststalld" }),
      ]),
    );
    const audit = await auditOf(
      docs.map((d) => d.id),
      ["deliverable.status"],
    );
    for (const [i, d] of docs.entries()) {
      const pair = [answers[2 * i], answers[2 * i + 1]];
      expect(pair.map((a) => a?.statusCode).sort()).toEqual([200, 409]);
      expect(pair.find((a) => a?.statusCode === 409)?.json()).toMatchObject({ code: "STATUS_CHANGE_NOT_ALLOWED" });
      const winner = pair.findIndex((a) => a?.statusCode === 200) === 0 ? world.users.plA : world.users.vaA;
      const versions = await world.db.select().from(deliverableVersions).where(eq(deliverableVersions.deliverableId, d.id));
      expect(versions.map((v) => [v.version, v.status, v.approvedBy])).toEqual([[1, "faststalld", winner]]);
      const own = audit.filter((a) => a.entityId === d.id && (a.after as { status: string }).status === "faststalld");
      expect(own).toHaveLength(1);
      expect(own[0]?.after).toMatchObject({ version: 1, status: "faststalld", approvedBy: winner });
    }
  });

  it("makes one testrapporter when several conformance reports are made at once", async () => {
    const { pl } = await team();
    const { id } = await world.seedInitiative({ name: "Samtidiga testrapporter" });
    const answers = await Promise.all([0, 1, 2, 3].map(() => pl.post(`/api/v1/initiatives/${id}/sandbox/conformance-report`, {})));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const reports = new Set(answers.map((a) => parseBody(a, ConformanceReportCreated, 201).deliverableId));
    expect(reports.size).toBe(1);
    const stored = await world.db.select().from(deliverables).where(eq(deliverables.initiativeId, id));
    expect(stored.map((d) => [d.id, d.typeId])).toEqual([[[...reports][0], "testrapporter"]]);
  });

  it("audits concurrent changes of one activity in the order they were written, each from what the one before stored", async () => {
    const { pl } = await team();
    const initiative = await world.seedInitiative({ name: "Samtidiga aktiviteter" });
    const initiativeId = initiative.id;
    const activity = initiative.phases[1]?.activities[0]?.id as string;
    const statuses = ["in_progress", "done", "not_started"] as const;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        pl.put(`/api/v1/initiatives/${initiativeId}/activities/${activity}`, { status: statuses[i % 3], motivation: `Ändring ${i}` }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(30);
    const audit = await auditOf([`${initiativeId}:${activity}`], ["activity.update"]);
    expect(audit).toHaveLength(30);
    const motivation = (v: unknown) => (v as { motivation: string | null } | null)?.motivation ?? null;
    expect(motivation(audit[0]?.before)).toBeNull();
    for (let i = 1; i < audit.length; i++) expect(motivation(audit[i]?.before)).toBe(motivation(audit[i - 1]?.after));
    const now = await getJson(pl, `/api/v1/initiatives/${initiativeId}`, Initiative);
    expect(now.phases[1]?.activities.find((a) => a.id === activity)?.motivation).toBe(motivation(audit[audit.length - 1]?.after));
  });

  describe("on the page", () => {
    it("keeps the person's text on the form with a Swedish message when someone else saved meanwhile", async () => {
      const { pl } = await team();
      const doc = await createDeliverable();
      const [first, second] = doc.template.map((s) => s.id) as [string, string];
      const page = await world.browserAs("plA");
      const form = await page.get(`/deliverables/${doc.id}`);
      const shown = /name="baseEtag" value="([^"]*)"/.exec(form.body)?.[1]?.replaceAll("&quot;", '"');
      expect(shown).toBe(doc.etag);

      expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [first]: "Kollegans text." } })).statusCode).toBe(200);
      const res = await page.post(`/deliverables/${doc.id}`, {
        baseEtag: shown as string,
        [`section-${first}`]: "Min egen text.",
        [`section-${second}`]: "Mer av min text.",
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("Någon annan har sparat ändringar i dokumentet medan du skrev");
      expect(res.body).toContain('href="#f-baseEtag"');
      expect(res.body).toContain('id="f-baseEtag"');
      expect(res.body).toContain("Min egen text.");
      expect(res.body).toContain("Mer av min text.");
      // The saved text is shown too, and nothing of the person's was stored.
      expect(res.body).toContain("Kollegans text.");
      const { doc: now, latest } = await latestOf(doc.id);
      expect([latest.sections[first], latest.sections[second]]).toEqual(["Kollegans text.", ""]);

      // Saving again from the re-shown form is deliberate: it is based on what is saved now.
      const again = /name="baseEtag" value="([^"]*)"/.exec(res.body)?.[1]?.replaceAll("&quot;", '"');
      expect(again).toBe(now.etag);
      const saved = await page.post(`/deliverables/${doc.id}`, { baseEtag: again as string, [`section-${first}`]: "Min egen text." });
      expect(saved.statusCode).toBe(303);
      expect((await latestOf(doc.id)).latest.sections[first]).toBe("Min egen text.");
    });

    it("does not fastställa a version that changed after the page showed it", async () => {
      const { pl } = await team();
      const doc = await createDeliverable();
      expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: complete(doc, "Klart.") })).statusCode).toBe(200);
      const page = await world.browserAs("vaA");
      const shown = /name="baseEtag" value="([^"]*)"/
        .exec((await page.get(`/deliverables/${doc.id}/faststall`)).body)?.[1]
        ?.replaceAll("&quot;", '"');
      expect(
        (await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [doc.template[0]?.id ?? ""]: "Ändrat." } })).statusCode,
      ).toBe(200);
      const res = await page.post(`/deliverables/${doc.id}/status`, { status: "faststalld", confirm: "yes", baseEtag: shown as string });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("Dokumentet har ändrats sedan du öppnade sidan");
      expect((await latestOf(doc.id)).latest.status).toBe("utkast");
    });
  });
});
