import type { VolumeSeries } from "../../../domain/volumes/volume-series.ts";
import { format, type Locale, messagesFor } from "../../../i18n/index.ts";

/** One label for a series wherever it is shown, so a test series always says that it is one. */
export function seriesLabel(locale: Locale, series: Pick<VolumeSeries, "kind" | "source">): string {
  const t = messagesFor(locale).volumes;
  return series.kind === "test" ? t.testSeriesLabel : format(t.productionSeriesLabel, { source: series.source });
}
