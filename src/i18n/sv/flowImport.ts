export const svFlowImport = {
  flowImport: {
    title: "Importera meddelandeflöden",
  },
} as const;
