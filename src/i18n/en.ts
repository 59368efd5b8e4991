import { enAttachments } from "./en/attachments.ts";
import { enAudit } from "./en/audit.ts";
import { enBenefits } from "./en/benefits.ts";
import { enBusinessCase } from "./en/businessCase.ts";
import { enCommon } from "./en/common.ts";
import { enCommunications } from "./en/communications.ts";
import { enDecisionPackage } from "./en/decisionPackage.ts";
import { enExports } from "./en/exports.ts";
import { enFlowImport } from "./en/flowImport.ts";
import { enFlows } from "./en/flows.ts";
import { enForecastVersions } from "./en/forecastVersions.ts";
import { enIdentity } from "./en/identity.ts";
import { enInitiatives } from "./en/initiatives.ts";
import { enMethod } from "./en/method.ts";
import { enMilestones } from "./en/milestones.ts";
import { enOidc } from "./en/oidc.ts";
import { enOrganisations } from "./en/organisations.ts";
import { enPortfolio } from "./en/portfolio.ts";
import { enReporting } from "./en/reporting.ts";
import { enReviews } from "./en/reviews.ts";
import { enRisks } from "./en/risks.ts";
import { enSandbox } from "./en/sandbox.ts";
import { enTactics } from "./en/tactics.ts";
import { enTasks } from "./en/tasks.ts";
import { enValueNav } from "./en/valueNav.ts";
import { enVersionDiff } from "./en/versionDiff.ts";
import { enVolumes } from "./en/volumes.ts";
import type { Messages } from "./messages.ts";

/** English, the second language. */
export const en: Messages = {
  ...enCommon,
  ...enIdentity,
  ...enOrganisations,
  ...enAudit,
  ...enVolumes,
  ...enForecastVersions,
  ...enTactics,
  ...enFlowImport,
  ...enFlows,
  ...enMethod,
  ...enMilestones,
  ...enCommunications,
  ...enInitiatives,
  ...enSandbox,
  ...enExports,
  ...enTasks,
  ...enReviews,
  ...enValueNav,
  ...enRisks,
  ...enBusinessCase,
  ...enBenefits,
  ...enVersionDiff,
  ...enDecisionPackage,
  ...enAttachments,
  ...enPortfolio,
  ...enReporting,
  ...enOidc,
};
