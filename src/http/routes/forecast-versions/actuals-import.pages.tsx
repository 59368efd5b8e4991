import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { actualsImportContext, importActuals } from "../../../domain/actuals/import-actuals.ts";
import { workableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { format } from "../../../i18n/index.ts";
import type { PageContext } from "../../../ui/page-context.ts";
import { ActualsImportPage, ActualsImportPreviewPage } from "../../../ui/pages/forecast-versions/actuals-import-page.tsx";
import { versionsHref } from "../../../ui/pages/forecast-versions/forecast-version-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { type PageOutcome, pageRoute, redirect, show } from "../../page-route.ts";
import { COMMIT_BODY_LIMIT, LIMITS, uploadOf, withUploads } from "../flows/flow-import.pages.tsx";
import { readActualsImport } from "../flows/flow-import-runner.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });

/**
 * The actuals import for people, as the flow import's page works (and on its plumbing): the upload,
 * a preview with every error by row and column in Swedish, and "Spara", which carries the file back
 * as base64 and has it read and checked again before anything is saved. Works without JavaScript.
 */
export function actualsImportPages({ app, page, db }: AppScope) {
  // Only the team: nobody else gets the page, nor has a file read.
  const load = async ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) => {
    const initiative = await workableInitiative({ db, actor }, params.initiativeId);
    return { id: initiative.id, name: initiative.name };
  };
  const uploadForm = (loaded: { id: string; name: string }, problem: "no_file" | "file_too_large") =>
    show(
      (ctx: PageContext) => <ActualsImportPage ctx={ctx} initiative={loaded} limits={LIMITS} errors={[{ field: "file", code: problem }]} />,
      400,
    );
  /** The file read against the initiative's flows as they are now, and this month. */
  const readUpload = async (actor: Actor, now: Date, initiativeId: string, bytes: Buffer) => {
    const { context } = await actualsImportContext({ db, actor, now }, initiativeId);
    return readActualsImport(new Uint8Array(bytes), context);
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/actuals/import",
    access: "session",
    params: InitiativeParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <ActualsImportPage ctx={ctx} initiative={loaded} limits={LIMITS} />,
  });

  withUploads(app, (scoped) => {
    pageRoute(scoped, {
      method: "POST",
      url: "/initiatives/:initiativeId/actuals/import",
      access: "session",
      params: InitiativeParams,
      bodyLimit: COMMIT_BODY_LIMIT,
      load,
      handle: async ({ loaded, request, actor, now }): Promise<PageOutcome> => {
        const upload = uploadOf(request);
        if ("problem" in upload) return uploadForm(loaded, upload.problem);
        const result = await readUpload(actor, now, loaded.id, upload.bytes);
        const content = upload.bytes.toString("base64");
        return show((ctx) => (
          <ActualsImportPreviewPage
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
    url: "/initiatives/:initiativeId/actuals/import/commit",
    access: "session",
    params: InitiativeParams,
    bodyLimit: COMMIT_BODY_LIMIT,
    load,
    handle: async ({ loaded, request, actor, now, m }) => {
      const upload = uploadOf(request);
      if ("problem" in upload) return uploadForm(loaded, upload.problem);
      // Read and checked again: the server kept nothing from the preview, and the form could have been changed.
      const result = await readUpload(actor, now, loaded.id, upload.bytes);
      if (result.errors.length) {
        const content = upload.bytes.toString("base64");
        return show(
          (ctx) => (
            <ActualsImportPreviewPage
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
      const saved = await importActuals({ db, actor, now, initiativeId: loaded.id, rows: result.rows });
      return redirect(
        versionsHref(loaded.id),
        saved.months === 1
          ? m.forecastVersions.actualsImport.savedOne
          : format(m.forecastVersions.actualsImport.saved, { count: saved.months }),
      );
    },
  });
}
