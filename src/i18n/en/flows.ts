import type { Widen } from "../messages.ts";
import type { svFlows } from "../sv/flows.ts";

export const enFlows: Widen<typeof svFlows> = {
  flows: {
    title: "Message flows",
  },
};
