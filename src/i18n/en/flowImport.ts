import type { Widen } from "../messages.ts";
import type { svFlowImport } from "../sv/flowImport.ts";

export const enFlowImport: Widen<typeof svFlowImport> = {
  flowImport: {
    title: "Import message flows",
  },
};
