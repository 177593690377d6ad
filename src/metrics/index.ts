// Any export here is public API for the rest of Baton: add deliberately.
export { createMetricsCollector, type MetricsCollector, type MetricsCollectorOptions, type MetricsSources } from './metrics-collector.js';
export { createPrometheusExporter, type PrometheusExporter } from './prometheus-exporter.js';
export { MetricsWindowInputSchema, resolveMetricsWindow, type MetricsWindow, type MetricsWindowInput } from './metrics-window.js';
export type {
  AgentMetrics,
  ApprovalMetrics,
  BreakerSummary,
  CheckpointMetrics,
  CriticMetrics,
  DeadLetterMetrics,
  MetricsSnapshot,
  Percentiles,
  QueueDepth,
  WorkflowMetrics,
} from './metrics-snapshot.js';
