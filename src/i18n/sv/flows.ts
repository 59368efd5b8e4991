export const svFlows = {
  flows: {
    title: "Meddelandeflöden",
  },
} as const;
