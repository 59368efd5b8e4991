import type { Widen } from "../messages.ts";
import type { svTactics } from "../sv/tactics.ts";

export const enTactics: Widen<typeof svTactics> = {
  tactics: {
    title: "Connection tactics",
  },
};
