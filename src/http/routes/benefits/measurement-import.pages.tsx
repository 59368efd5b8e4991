import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { measurementImportContext, recordMeasurements } from "../../../domain/benefits/benefit-plan.ts";
import { format } from "../../../i18n/index.ts";
import type { PageContext } from "../../../ui/page-context.ts";
import { MeasurementImportPage, MeasurementImportPreviewPage } from "../../../ui/pages/benefits/measurement-import-page.tsx";
import { benefitHref } from "../../../ui/pages/value/value-hrefs.ts";
import type { AppScope } from "../../app-scope.ts";
import { type PageOutcome, pageRoute, redirect, show } from "../../page-route.ts";
import { COMMIT_BODY_LIMIT, LIMITS, uploadOf, withUploads } from "../flows/flow-import.pages.tsx";
import { readMeasurementImport } from "../flows/flow-import-runner.ts";

const BenefitParams = z.object({ benefitId: z.uuid() });

/**
 * The measurement import for people, on the flow import's plumbing: the upload, a preview with every
 * error by row and column, and "Spara", which carries the file back as base64 and has it read and
 * checked again (against the baseline date as it is then) before anything is saved. Works without JavaScript.
 */
export function measurementImportPages({ app, page, db }: AppScope) {
  // Only the team: nobody else gets the page, nor has a file read.
  const load = async ({ actor, params }: { actor: Actor; params: { benefitId: string } }) =>
    (await measurementImportContext({ db, actor }, params.benefitId)).benefit;
  type Loaded = Awaited<ReturnType<typeof load>>;
  const uploadForm = (loaded: Loaded, problem: "no_file" | "file_too_large") =>
    show(
      (ctx: PageContext) => (
        <MeasurementImportPage ctx={ctx} benefit={loaded} limits={LIMITS} errors={[{ field: "file", code: problem }]} />
      ),
      400,
    );
  const readUpload = async (actor: Actor, benefitId: string, bytes: Buffer) => {
    const { context } = await measurementImportContext({ db, actor }, benefitId);
    return readMeasurementImport(new Uint8Array(bytes), context);
  };

  page({
    method: "GET",
    url: "/benefits/:benefitId/measurements/import",
    access: "session",
    params: BenefitParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <MeasurementImportPage ctx={ctx} benefit={loaded} limits={LIMITS} />,
  });

  withUploads(app, (scoped) => {
    pageRoute(scoped, {
      method: "POST",
      url: "/benefits/:benefitId/measurements/import",
      access: "session",
      params: BenefitParams,
      bodyLimit: COMMIT_BODY_LIMIT,
      load,
      handle: async ({ loaded, request, actor }): Promise<PageOutcome> => {
        const upload = uploadOf(request);
        if ("problem" in upload) return uploadForm(loaded, upload.problem);
        const result = await readUpload(actor, loaded.id, upload.bytes);
        const content = upload.bytes.toString("base64");
        return show((ctx) => (
          <MeasurementImportPreviewPage
            ctx={ctx}
            benefit={loaded}
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
    url: "/benefits/:benefitId/measurements/import/commit",
    access: "session",
    params: BenefitParams,
    bodyLimit: COMMIT_BODY_LIMIT,
    load,
    handle: async ({ loaded, request, actor, now, m }) => {
      const upload = uploadOf(request);
      if ("problem" in upload) return uploadForm(loaded, upload.problem);
      // Read and checked again: the server kept nothing from the preview, and the form could have been changed.
      const result = await readUpload(actor, loaded.id, upload.bytes);
      if (result.errors.length) {
        const content = upload.bytes.toString("base64");
        return show(
          (ctx) => (
            <MeasurementImportPreviewPage
              ctx={ctx}
              benefit={loaded}
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
      const saved = await recordMeasurements({
        db,
        actor,
        now,
        benefitId: loaded.id,
        measurements: result.rows,
        source: "import",
        issuePath: (i) => ["rows", i],
      });
      return redirect(benefitHref(loaded.id), format(m.benefits.import.saved, { count: saved.measurements.length }));
    },
  });
}
