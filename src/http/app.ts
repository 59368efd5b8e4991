import qs from "node:querystring";
import { constants as zlibConstants } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { createValidationPool, type ValidationPool } from "../sandbox/checks/validation-pool.ts";
import { apiRoute, type RegisteredApiRoute } from "./api/api-route.ts";
import type { AppScope } from "./app-scope.ts";
import { registerAuthentication } from "./authentication.ts";
import { LOCALE_COOKIE } from "./cookies.ts";
import { registerCsrf } from "./csrf.ts";
import { registerErrorHandling } from "./errors/error-handler.tsx";
import { registerInputGuard } from "./input-guard.ts";
import { pageRoute } from "./page-route.ts";
import { loggedUrl, registerRequestLog } from "./request-log.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { createTurnBudget } from "./turn-budget.ts";
import "./request-context.ts";
import { relyingParty } from "../oidc/relying-party.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { attachmentsApi } from "./routes/attachments/attachments.api.ts";
import { attachmentsPages } from "./routes/attachments/attachments.pages.tsx";
import { auditApi } from "./routes/audit/audit.api.ts";
import { auditPages } from "./routes/audit/audit.pages.tsx";
import { benefitsApi } from "./routes/benefits/benefits.api.ts";
import { benefitsPages } from "./routes/benefits/benefits.pages.tsx";
import { measurementImportPages } from "./routes/benefits/measurement-import.pages.tsx";
import { businessCaseApi } from "./routes/business-case/business-case.api.ts";
import { businessCasePages } from "./routes/business-case/business-case.pages.tsx";
import { communicationsApi } from "./routes/communications/communications.api.ts";
import { communicationsPages } from "./routes/communications/communications.pages.tsx";
import { deliverablesApi } from "./routes/deliverables/deliverables.api.ts";
import { deliverablesPages } from "./routes/deliverables/deliverables.pages.tsx";
import { exportsApi } from "./routes/exports/exports.api.ts";
import { exportsPages } from "./routes/exports/exports.pages.ts";
import { flowPlanningApi } from "./routes/flow-planning/flow-planning.api.ts";
import { flowPlanningPages } from "./routes/flow-planning/flow-planning.pages.tsx";
import { flowImportApi } from "./routes/flows/flow-import.api.ts";
import { flowImportPages } from "./routes/flows/flow-import.pages.tsx";
import { flowsApi } from "./routes/flows/flows.api.ts";
import { flowsPages } from "./routes/flows/flows.pages.tsx";
import { forecastExportApi } from "./routes/flows/forecast-export.api.ts";
import { forecastFilePages } from "./routes/flows/forecast-file.pages.ts";
import { actualsImportApi } from "./routes/forecast-versions/actuals-import.api.ts";
import { actualsImportPages } from "./routes/forecast-versions/actuals-import.pages.tsx";
import { forecastVersionsApi } from "./routes/forecast-versions/forecast-versions.api.ts";
import { forecastVersionsPages } from "./routes/forecast-versions/forecast-versions.pages.tsx";
import { identityApi } from "./routes/identity/identity.api.ts";
import { identityPages } from "./routes/identity/identity.pages.tsx";
import { initiativesApi } from "./routes/initiatives/initiatives.api.ts";
import { initiativesPages } from "./routes/initiatives/initiatives.pages.tsx";
import { methodApi } from "./routes/method/method.api.ts";
import { methodPages } from "./routes/method/method.pages.tsx";
import { milestonesApi } from "./routes/milestones/milestones.api.ts";
import { milestonesPages } from "./routes/milestones/milestones.pages.tsx";
import { oidcPages } from "./routes/oidc/oidc.pages.tsx";
import { organisationsApi } from "./routes/organisations/organisations.api.ts";
import { organisationsPages } from "./routes/organisations/organisations.pages.tsx";
import { partnersApi } from "./routes/partners/partners.api.ts";
import { partnersPages } from "./routes/partners/partners.pages.tsx";
import { openDataApi } from "./routes/portfolio/open-data.api.ts";
import { portfolioApi } from "./routes/portfolio/portfolio.api.ts";
import { portfolioPages } from "./routes/portfolio/portfolio.pages.tsx";
import { reportingApi } from "./routes/reporting/reporting.api.ts";
import { reportingPages } from "./routes/reporting/reporting.pages.tsx";
import { reviewsApi } from "./routes/reviews/reviews.api.ts";
import { reviewsPages } from "./routes/reviews/reviews.pages.tsx";
import { reservePlansApi } from "./routes/risks/reserve-plans.api.ts";
import { reservePlansPages } from "./routes/risks/reserve-plans.pages.tsx";
import { risksApi } from "./routes/risks/risks.api.ts";
import { risksPages } from "./routes/risks/risks.pages.tsx";
import { loadTestApi } from "./routes/sandbox/load-test.api.ts";
import { loadTestPages } from "./routes/sandbox/load-test.pages.tsx";
import { sandboxApi } from "./routes/sandbox/sandbox.api.ts";
import { sandboxPages } from "./routes/sandbox/sandbox.pages.tsx";
import { sandboxSetupApi } from "./routes/sandbox/sandbox-setup.api.ts";
import { sandboxSetupPages } from "./routes/sandbox/sandbox-setup.pages.tsx";
import { type SubmissionValidatorOptions, submissionValidator } from "./routes/sandbox/submission-validator.ts";
import { testRunApi } from "./routes/sandbox/test-run.api.ts";
import { testRunPages } from "./routes/sandbox/test-run.pages.tsx";
import { systemRoutes } from "./routes/system/system.routes.ts";
import { tacticsApi } from "./routes/tactics/tactics.api.ts";
import { tacticsPages } from "./routes/tactics/tactics.pages.tsx";
import { tasksApi } from "./routes/tasks/tasks.api.ts";
import { tasksPages } from "./routes/tasks/tasks.pages.tsx";
import { volumesApi } from "./routes/volumes/volumes.api.ts";
import { volumesPages } from "./routes/volumes/volumes.pages.tsx";

export type AppDependencies = {
  handle: DatabaseHandle;
  config: Config;
  /** Seals and opens the keys Ansluta keeps (the sandbox's test CA). */
  secrets: SecretBox;
  /** Injected so tests can move time; production uses the wall clock. */
  clock?: () => Date;
  mailQueued?: () => void;
  logger?: boolean;
  /**
   * The worker threads that parse and check untrusted XML. main.ts makes one for the process, shares
   * it with the emulator and closes it; without one the app makes its own when it first validates
   * (VALIDATION_WORKERS, VALIDATION_TIMEOUT_MS) and closes it when the app closes.
   */
  validationPool?: ValidationPool;
  /** The validator's cap per organisation and XML limits, for tests. */
  validator?: SubmissionValidatorOptions;
};

export type AnslutaApp = FastifyInstance;

/** The process's validation pool as configured: VALIDATION_WORKERS threads, each validation within VALIDATION_TIMEOUT_MS. */
export const configuredValidationPool = (config: Config): ValidationPool =>
  createValidationPool({
    timeoutMs: config.VALIDATION_TIMEOUT_MS,
    ...(config.VALIDATION_WORKERS ? { size: config.VALIDATION_WORKERS } : {}),
  });

export async function buildApp(deps: AppDependencies): Promise<AnslutaApp> {
  const { handle, config } = deps;
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            // Whatever logs a request must not write an invitation's one-time token.
            serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: loggedUrl(req.url) }) },
          },
    // registerRequestLog writes one line per request instead.
    logController: new LogController({ disableRequestLogging: true }),
    // Trust exactly TRUST_PROXY hops: the peer and the X-Forwarded-For entries the proxies appended,
    // counted from the right; whatever the client wrote further left is never its address.
    trustProxy: config.TRUST_PROXY > 0 ? (_address: string, hop: number) => hop < config.TRUST_PROXY : false,
    bodyLimit: 1024 * 1024,
    // A request that reaches a kept-alive connection just as a graceful shutdown begins is served,
    // with Connection: close, instead of getting Fastify's bare JSON 503: to its sender it was
    // already under way. New connections are refused all the same.
    return503OnClosing: false,
  });

  // First of all hooks: a request that waits for its turn has cost nothing yet (turn-budget.ts).
  // Probes and assets take turns too: cheap one by one, but 200 probes in a turn made it long enough
  // to starve new connections again (p99 30× p50 on a busy machine); waiting in order costs them a
  // queue's length, which a probe's timeout of seconds allows.
  const turns = createTurnBudget();
  app.addHook("onRequest", (_request, _reply, done) => {
    const wait = turns.admit();
    if (wait === null) done();
    else void wait.then(() => done());
  });

  app.decorateRequest("now", null as unknown as Date);
  app.decorateRequest("locale", "sv");
  app.addHook("onRequest", async (request) => {
    request.now = clock();
  });

  registerSecurityHeaders(app, { hsts: config.TRUST_PROXY > 0 });
  // Pages, CSS, JSON and SVG go out compressed; brotli at quality 5 rather than the default 11,
  // which costs several times the CPU on every page for a few per cent smaller bodies.
  await app.register(fastifyCompress, {
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(fastifyCookie);
  // Repeated keys (checkboxes) become arrays, as forms send them.
  await app.register(fastifyFormbody, { parser: (body) => qs.parse(body) });

  registerAuthentication(app, handle.db);
  registerCsrf(app, deps.secrets);
  app.addHook("onRequest", async (request) => {
    const fromCookie = request.cookies[LOCALE_COOKIE];
    request.locale = request.auth?.actor.locale ?? (fromCookie === "en" ? "en" : "sv");
  });
  registerErrorHandling(app);
  if (deps.logger !== false) registerRequestLog(app);
  registerInputGuard(app);

  const registry: RegisteredApiRoute[] = [];
  const allRoutes: { method: string; url: string }[] = [];
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) if (method !== "HEAD") allRoutes.push({ method, url: r.url });
  });
  // Made when first needed, so that an app that never validates starts no threads.
  let ownPool: ValidationPool | null = null;
  const validationPool = () => {
    if (deps.validationPool) return deps.validationPool;
    ownPool ??= configuredValidationPool(config);
    return ownPool;
  };
  // Once the app is closing (a graceful shutdown), a response to a request that was under way goes
  // out with Connection: close, so its connection ends once the response is written instead of
  // idling until the client gives up on it, which would hold the shutdown until its deadline.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });
  // Its threads end with the app, so that neither a test nor a restart leaves any behind.
  app.addHook("onClose", async () => {
    await ownPool?.close();
  });

  const scope: AppScope = {
    app,
    db: handle.db,
    handle,
    config,
    secrets: deps.secrets,
    publicUrl: (request) => config.PUBLIC_URL ?? `${request.protocol}://${request.host}`,
    api: (route, on = app) => apiRoute(on, registry, route),
    page: (route) => pageRoute(app, route),
    mailQueued: deps.mailQueued ?? (() => {}),
    validateOnWorker: submissionValidator(validationPool, deps.validator),
    relyingParty: relyingParty({ secrets: deps.secrets }),
  };

  await systemRoutes(scope, registry);
  identityApi(scope);
  organisationsApi(scope);
  auditApi(scope);
  methodApi(scope);
  initiativesApi(scope);
  deliverablesApi(scope);
  reviewsApi(scope);
  milestonesApi(scope);
  communicationsApi(scope);
  partnersApi(scope);
  flowsApi(scope);
  portfolioApi(scope);
  openDataApi(scope);
  portfolioPages(scope);
  businessCaseApi(scope);
  risksApi(scope);
  reservePlansApi(scope);
  benefitsApi(scope);
  forecastVersionsApi(scope);
  flowPlanningApi(scope);
  tacticsApi(scope);
  flowImportApi(scope);
  actualsImportApi(scope);
  forecastExportApi(scope);
  sandboxApi(scope);
  testRunApi(scope);
  loadTestApi(scope);
  sandboxSetupApi(scope);
  exportsApi(scope);
  volumesApi(scope);
  tasksApi(scope);
  attachmentsApi(scope);
  reportingApi(scope);
  identityPages(scope);
  oidcPages(scope);
  organisationsPages(scope);
  auditPages(scope);
  methodPages(scope);
  initiativesPages(scope);
  deliverablesPages(scope);
  reviewsPages(scope);
  milestonesPages(scope);
  communicationsPages(scope);
  partnersPages(scope);
  flowsPages(scope);
  forecastVersionsPages(scope);
  flowPlanningPages(scope);
  tacticsPages(scope);
  risksPages(scope);
  reservePlansPages(scope);
  businessCasePages(scope);
  benefitsPages(scope);
  measurementImportPages(scope);
  flowImportPages(scope);
  actualsImportPages(scope);
  forecastFilePages(scope);
  reportingPages(scope);
  attachmentsPages(scope);
  sandboxPages(scope);
  sandboxSetupPages(scope);
  testRunPages(scope);
  loadTestPages(scope);
  exportsPages(scope);
  volumesPages(scope);
  tasksPages(scope);

  app.decorate("apiRoutes", registry);
  app.decorate("allRoutes", allRoutes);
  return app;
}
