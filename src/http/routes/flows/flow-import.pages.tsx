import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { DEFAULT_SHEET_LIMITS } from "../../../domain/flows/import/read-sheet.ts";
import { importFlows, mayImportFlows } from "../../../domain/flows/import-flows.ts";
import { format } from "../../../i18n/index.ts";
import { FlowImportPage, FlowImportPreviewPage, type ImportLimits } from "../../../ui/pages/flow-import/flow-import-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { str } from "../../form.ts";
import { type PageOutcome, pageRoute, redirect, show } from "../../page-route.ts";
import { MAX_IMPORT_BYTES } from "./flow-import.api.ts";
import { readFlowImport } from "./flow-import-runner.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });

export const LIMITS: ImportLimits = { maxRows: DEFAULT_SHEET_LIMITS.maxRows, maxMb: MAX_IMPORT_BYTES / (1024 * 1024) };
/** The save's form carries the file as base64 (4/3 of it), and a form encodes "+" and "/" as three characters each. */
export const COMMIT_BODY_LIMIT = 3 * Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Upload = { fileName: string; bytes: Buffer } | { problem: "no_file" | "file_too_large" };
/** What onFile leaves in the body for the file field. */
type UploadedFile = { filename: string; data: Buffer | null };

/** The file from the upload form (multipart), or carried back as base64 (the preview's own form, and the save). */
export function uploadOf(request: FastifyRequest): Upload {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const file = body.file as UploadedFile | undefined;
  if (file && typeof file === "object" && "filename" in file) {
    if (!file.data) return { problem: "file_too_large" };
    return file.data.length ? { fileName: file.filename, bytes: file.data } : { problem: "no_file" };
  }
  const content = typeof body.content === "string" ? body.content.replace(/\s+/g, "") : "";
  if (!content || !BASE64.test(content)) return { problem: "no_file" };
  const bytes = Buffer.from(content, "base64");
  if (bytes.length > MAX_IMPORT_BYTES) return { problem: "file_too_large" };
  return { fileName: str(body as Record<string, string>, "fileName").slice(0, 200), bytes };
}

/**
 * Registers routes that take an uploaded file (multipart) in a context of their own, so no other
 * route takes multipart: the flow import's page and the actuals import's page.
 */
export function withUploads(app: FastifyInstance, routes: (scoped: FastifyInstance) => void) {
  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      attachFieldsToBody: "keyValues",
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: COMMIT_BODY_LIMIT, parts: 6 },
      // A file over the limit is answered on the page, not with an error page: it is cut, and marked so.
      throwFileSizeLimit: false,
      onFile: async (part: MultipartFile) => {
        const read = await part.toBuffer();
        const data = part.file.truncated ? null : read;
        (part as MultipartFile & { value: UploadedFile }).value = { filename: part.filename, data };
      },
    });
    routes(scoped);
  });
}

/**
 * The import for people: how to write the file and the template, the upload, a preview with every
 * error by row and column, and the save. Works without JavaScript: a plain multipart form, then a
 * plain form that carries the file back, read and checked again before anything is saved.
 */
export function flowImportPages({ app, page, db }: AppScope) {
  const load = async ({ actor, params }: { actor: Parameters<typeof mayImportFlows>[0]["actor"]; params: { initiativeId: string } }) => {
    const initiative = await mayImportFlows({ db, actor }, params.initiativeId);
    return { id: initiative.id, name: initiative.name };
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/flows/import",
    access: "session",
    params: InitiativeParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <FlowImportPage ctx={ctx} initiative={loaded} limits={LIMITS} />,
  });

  // Only this route takes multipart: the plugin lives in its own context.
  withUploads(app, (scoped) => {
    pageRoute(scoped, {
      method: "POST",
      url: "/initiatives/:initiativeId/flows/import",
      access: "session",
      params: InitiativeParams,
      bodyLimit: COMMIT_BODY_LIMIT,
      load,
      handle: async ({ loaded, request }): Promise<PageOutcome> => {
        const upload = uploadOf(request);
        if ("problem" in upload) {
          const errors = [{ field: "file", code: upload.problem }];
          return show((ctx) => <FlowImportPage ctx={ctx} initiative={loaded} limits={LIMITS} errors={errors} />, 400);
        }
        const result = await readFlowImport(new Uint8Array(upload.bytes));
        const content = upload.bytes.toString("base64");
        return show((ctx) => (
          <FlowImportPreviewPage
            ctx={ctx}
            initiative={loaded}
            fileName={upload.fileName}
            content={content}
            result={result}
            limits={LIMITS}
          />
        ));
      },
    });
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/flows/import/commit",
    access: "session",
    params: InitiativeParams,
    bodyLimit: COMMIT_BODY_LIMIT,
    load,
    handle: async ({ loaded, request, actor, now, m }) => {
      const upload = uploadOf(request);
      if ("problem" in upload) {
        const errors = [{ field: "file", code: upload.problem }];
        return show((ctx) => <FlowImportPage ctx={ctx} initiative={loaded} limits={LIMITS} errors={errors} />, 400);
      }
      // Read and checked again: the server kept nothing from the preview, and the form could have been changed.
      const result = await readFlowImport(new Uint8Array(upload.bytes));
      if (result.errors.length) {
        const content = upload.bytes.toString("base64");
        return show(
          (ctx) => (
            <FlowImportPreviewPage
              ctx={ctx}
              initiative={loaded}
              fileName={upload.fileName}
              content={content}
              result={result}
              limits={LIMITS}
              notice={m.flowImport.changedSinceReview}
            />
          ),
          400,
        );
      }
      const flows = await importFlows({ db, actor, now, initiativeId: loaded.id, flows: result.rows.map((r) => r.flow) });
      return redirect(`/initiatives/${loaded.id}/flows`, format(m.flowImport.saved, { count: flows.length }));
    },
  });
}
