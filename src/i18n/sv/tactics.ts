export const svTactics = {
  tactics: {
    title: "Anslutningstaktiker",
  },
} as const;
