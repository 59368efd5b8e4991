import { z } from "zod";
import { RISK_CATEGORIES, RISK_STATUSES } from "../../../domain/risks/risk-score.ts";

export const RiskParams = z.object({ riskId: z.uuid({ error: "invalid_id" }) });

export const Risk = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(RISK_CATEGORIES),
    probability: z.int().meta({ description: "1–5" }),
    consequence: z.int().meta({ description: "1–5" }),
    score: z.int().meta({ description: "probability × consequence, 1–25" }),
    level: z.enum(["lag", "medel", "hog", "mycket_hog"]).meta({ description: "1–4 låg, 5–9 medel, 10–14 hög, 15–25 mycket hög" }),
    owner: z.string(),
    ownerUserId: z.string().nullable(),
    mitigation: z.string(),
    status: z.enum(RISK_STATUSES),
    reviewDate: z.string().nullable(),
    reviewOverdue: z.boolean().meta({ description: "The review day has passed and the risk is not closed" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ description: "A risk of the risk and vulnerability analysis" });

export const RiskList = z.object({ risks: z.array(Risk).meta({ description: "Highest score first" }), canManage: z.boolean() });
