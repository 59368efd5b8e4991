import { svAttachments } from "./sv/attachments.ts";
import { svAudit } from "./sv/audit.ts";
import { svBenefits } from "./sv/benefits.ts";
import { svBusinessCase } from "./sv/businessCase.ts";
import { svCommon } from "./sv/common.ts";
import { svCommunications } from "./sv/communications.ts";
import { svDecisionPackage } from "./sv/decisionPackage.ts";
import { svExports } from "./sv/exports.ts";
import { svFlowImport } from "./sv/flowImport.ts";
import { svFlows } from "./sv/flows.ts";
import { svForecastVersions } from "./sv/forecastVersions.ts";
import { svIdentity } from "./sv/identity.ts";
import { svInitiatives } from "./sv/initiatives.ts";
import { svMethod } from "./sv/method.ts";
import { svMilestones } from "./sv/milestones.ts";
import { svOidc } from "./sv/oidc.ts";
import { svOrganisations } from "./sv/organisations.ts";
import { svPortfolio } from "./sv/portfolio.ts";
import { svReporting } from "./sv/reporting.ts";
import { svReviews } from "./sv/reviews.ts";
import { svRisks } from "./sv/risks.ts";
import { svSandbox } from "./sv/sandbox.ts";
import { svTactics } from "./sv/tactics.ts";
import { svTasks } from "./sv/tasks.ts";
import { svValueNav } from "./sv/valueNav.ts";
import { svVersionDiff } from "./sv/versionDiff.ts";
import { svVolumes } from "./sv/volumes.ts";

/** Swedish, the default language. Every key here must exist in en.ts (the type makes sure). */
export const sv = {
  ...svCommon,
  ...svIdentity,
  ...svOrganisations,
  ...svAudit,
  ...svVolumes,
  ...svForecastVersions,
  ...svTactics,
  ...svFlowImport,
  ...svFlows,
  ...svMethod,
  ...svMilestones,
  ...svCommunications,
  ...svInitiatives,
  ...svSandbox,
  ...svExports,
  ...svTasks,
  ...svReviews,
  ...svValueNav,
  ...svRisks,
  ...svBusinessCase,
  ...svBenefits,
  ...svVersionDiff,
  ...svDecisionPackage,
  ...svAttachments,
  ...svPortfolio,
  ...svReporting,
  ...svOidc,
} as const;
