import { z } from "zod";

export const PartnerParams = z.object({
  initiativeId: z.uuid({ error: "invalid_id" }),
  partnerId: z.uuid({ error: "invalid_id" }),
});

export const Partner = z.object({
  id: z.string(),
  kind: z.enum(["organisation", "external"]),
  organisationId: z.string().nullable().meta({ description: "The partner organisation in Ansluta; null for an external party" }),
  organisationNumber: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable().meta({ description: "Where an external party is mailed; null for an organisation (it reads its inbox)" }),
});

export const PartnerList = z.object({
  partners: z.array(Partner),
  canManage: z.boolean().meta({ description: "Whether the caller may add and remove samverkansparter (the initiative's team)" }),
});
