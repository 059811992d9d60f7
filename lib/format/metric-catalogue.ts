// TEMPORARY during the vocabulary move: removed once every import reads lib/query/fathom-fields.ts.
export { metricInfo, metricLabel, type MetricFormat, type MetricInfo } from "@/lib/query/fathom-fields";
