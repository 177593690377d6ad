import { createMetricsCollector, createPrometheusExporter, type MetricsSnapshot, type MetricsWindowInput } from '../metrics/index.js';
import type { Baton } from './create-baton.js';
import { createMetricsSources } from './metrics-sources.js';

export interface OpenedMetrics {
  /** The snapshot `baton metrics`, `baton://metrics` and the inspector show. */
  collect(input?: MetricsWindowInput): Promise<MetricsSnapshot>;
  /** The same figures in Prometheus' text format. */
  prometheus(input?: MetricsWindowInput): Promise<{ readonly contentType: string; readonly text: string }>;
  close(): Promise<void>;
}

export interface OpenMetricsOptions {
  /** When the serving process started, for its uptime; a one-shot command leaves it out. */
  readonly startedAt?: Date;
}

/**
 * Metrics over Baton's store, queues and breakers: what an interface (the CLI, MCP's
 * `baton://metrics`, the run inspector) calls, without knowing where the numbers come from.
 */
export async function openMetrics(baton: Baton, options: OpenMetricsOptions = {}): Promise<OpenedMetrics> {
  const opened = await baton.engine();
  const store = await baton.store();
  const sources = createMetricsSources({ redis: opened.redis, prefix: opened.prefix, breakers: opened.breakers });
  const collector = createMetricsCollector({ sql: store.sql, sources, ...(options.startedAt === undefined ? {} : { startedAt: options.startedAt }) });
  const exporter = createPrometheusExporter();
  return {
    collect: (input) => collector.collect(input),
    prometheus: async (input) => ({ contentType: exporter.contentType, text: await exporter.render(await collector.collect(input)) }),
    close: () => sources.close(),
  };
}
