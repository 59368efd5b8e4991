import { z } from "zod";
import { BENEFICIARIES, BENEFIT_CATEGORIES, COST_CATEGORIES } from "../../../domain/business-case/business-case-input.ts";
import { EFFECT_KINDS } from "../../../domain/business-case/effect-chain.ts";
import { TACTIC_KINDS } from "../../../domain/tactics/tactic-input.ts";

const range = z.object({ low: z.number(), expected: z.number(), high: z.number() });

const year = z.object({
  year: z.int(),
  costs: z.number(),
  benefits: z.number().meta({ description: "Typed benefits" }),
  computedBenefits: z.number().meta({ description: "Digital messages in the forecast × each flow's cost per letter" }),
  net: z.number().meta({ description: "benefits + computedBenefits − costs" }),
});

const scenario = z.object({
  npv: z.number().meta({ description: "Σ net / (1 + discountRate)^(year − startYear)" }),
  paybackYear: z.int().nullable().meta({ description: "First year whose cumulative undiscounted net is ≥ 0; null if none" }),
  years: z.array(year),
});

const estimate = { year: z.int(), low: z.number(), expected: z.number(), high: z.number(), note: z.string().nullable() };

export const BusinessCaseBody = z
  .object({
    startYear: z.int(),
    horizonYears: z.int(),
    discountRate: z.number(),
    years: z.array(year).meta({ description: "The expected scenario, year by year" }),
    scenarios: z.object({ low: scenario, expected: scenario, high: scenario }).meta({
      description: "low: costs high, benefits low; high: costs low, benefits high; computed benefits at the reach curve ∓ 10 points",
    }),
    costs: z.array(z.object({ category: z.enum(COST_CATEGORIES), ...estimate })),
    benefits: z.array(z.object({ category: z.enum(BENEFIT_CATEGORIES), beneficiary: z.enum(BENEFICIARIES), ...estimate })),
    computed: z
      .array(
        z.object({
          year: z.int(),
          amount: range,
          flows: z.array(z.object({ flowId: z.string(), name: z.string(), costPerLetterSek: z.number(), digital: range, amount: range })),
        }),
      )
      .meta({ description: "Computed benefits per year and the flows they come from" }),
    sensitivity: z.object({
      baseNpv: z.number(),
      rows: z.array(
        z.object({
          input: z.object({
            kind: z.enum(["cost", "benefit", "flow", "discountRate"]),
            category: z.string().optional(),
            flowId: z.string().optional(),
            name: z.string().optional(),
          }),
          npvDown: z.number(),
          npvUp: z.number(),
          swing: z.number(),
        }),
      ),
    }),
    effectChain: z
      .object({
        nodes: z.array(z.object({ id: z.string(), kind: z.enum(EFFECT_KINDS), label: z.string() })),
        links: z.array(z.object({ from: z.string(), to: z.string() })),
      })
      .meta({ description: "The effektkedja: links go one level up, mojliggorare → forandring → nytta → effektmal" }),
    tactics: z
      .array(
        z.object({
          alternativeId: z.string(),
          name: z.string(),
          kind: z.enum(TACTIC_KINDS),
          npv: z.number().meta({ description: "Expected: the served flows' computed benefits − one-off cost (first year) − annual cost" }),
          paybackYear: z.int().nullable(),
        }),
      )
      .meta({ description: "Each connection-tactic alternative's business case over the same horizon and discount rate" }),
    updatedAt: z.string().nullable(),
    canManage: z.boolean(),
  })
  .meta({ description: "The business case: what the team stated, the results in three scenarios, and the sensitivity of the NPV" });
