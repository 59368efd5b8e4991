export const svForecastVersions = {
  forecastVersions: {
    title: "Prognosversioner",
  },
} as const;
