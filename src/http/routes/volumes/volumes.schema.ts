import { z } from "zod";

export const VolumesParams = z.object({ initiativeId: z.uuid({ error: "invalid_id" }) });

const Counts = {
  lookups: z.number().int().meta({ description: "isReachable calls" }),
  deliveries: z.number().int().meta({ description: "deliverSecure calls: delivered + notDelivered + faults + timeouts + refused" }),
  delivered: z.number().int(),
  notDelivered: z.number().int().meta({ description: "The operator answered Delivered=false" }),
  faults: z.number().int().meta({ description: "Answered with a SOAP fault" }),
  timeouts: z.number().int().meta({ description: "The operator closed the call without an answer" }),
  refused: z.number().int().meta({ description: "Not served: no or untrusted client certificate, too large, not XML" }),
  byOperator: z
    .record(z.string(), z.object({ deliveries: z.number().int(), delivered: z.number().int() }))
    .meta({ description: "Deliveries by mailbox operator id (kivra, minmyndighetspost, billo, fortnox)" }),
};

const Month = z.object({ month: z.string().meta({ description: "Calendar month in Europe/Stockholm time, YYYY-MM" }), ...Counts });

const seriesFields = { label: z.string(), months: z.array(Month), totals: z.object(Counts) };

export const ActualVolumes = z
  .object({
    series: z.array(
      z.discriminatedUnion("kind", [
        z
          .object({
            kind: z.literal("test"),
            source: z.literal("ansluta-emulator"),
            ...seriesFields,
            excludedLoadTestCalls: z.number().int().meta({ description: "Calls made during load tests, left out of the months" }),
          })
          .meta({ description: "A test series from the emulator's recorded calls: NOT real volumes" }),
        z.object({ kind: z.literal("production"), source: z.string(), ...seriesFields }),
      ]),
    ),
  })
  .meta({ description: "The initiative's actual message volumes by month, each series marked test or production" });
