import { validateSubmission } from "../../../sandbox/checks/validate-submission.ts";
import { ValidatePage } from "../../../ui/pages/sandbox/validate-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { formValues, str } from "../../form.ts";
import { requireSession, sendPage } from "../../render.ts";
import { MAX_SUBMISSION_BYTES } from "./sandbox.api.ts";

/** A form posts the XML percent-encoded, which can triple it; the XML itself is held to the API's limit. */
const FORM_BODY_LIMIT = 3 * MAX_SUBMISSION_BYTES;

export function sandboxPages({ app }: AppScope) {
  // The form may carry 15 MB: send anonymous visitors to the login page before reading any of it.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "POST" && request.routeOptions.url === "/sandbox/validate" && request.auth?.via !== "session") {
      return reply.redirect("/login?next=%2Fsandbox%2Fvalidate", 303);
    }
  });

  app.get("/sandbox/validate", async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} />);
  });

  app.post("/sandbox/validate", { bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const xml = str(formValues(request.body), "xml");
    if (xml.trim() === "")
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "required" }]} />, 400);
    if (Buffer.byteLength(xml, "utf8") > MAX_SUBMISSION_BYTES) {
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "too_long" }]} />, 413);
    }
    const checks = validateSubmission(xml, { now: request.now });
    return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} xml={xml} checks={checks} />);
  });
}
