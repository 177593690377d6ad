import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUptime } from '../../src/cli/commands/metrics-command.js';
import type { MetricsSnapshot } from '../../src/metrics/index.js';
import { createCliHarness, parseJson, type CliHarness } from '../cli/cli-harness.js';

let harness: CliHarness;
beforeAll(async () => {
  harness = await createCliHarness('metrics');
  const run = await harness.cli(['run', 'classify_reply', '--input', 'examples/workflows/classify-reply.json']);
  expect(run.status).toBe(0);
}, 60_000);
afterAll(async () => {
  await harness.close();
});

describe('baton metrics', () => {
  it('prints the snapshot as JSON with --json', async () => {
    const result = await harness.cli(['metrics', '--json', '--since', '1h']);
    expect(result.status).toBe(0);
    const snapshot = parseJson<MetricsSnapshot>(result);
    expect(snapshot.window.span).toBe('1h');
    expect(snapshot.workflows.map((workflow) => workflow.workflow)).toEqual(['classify_reply']);
    expect(snapshot.total).toMatchObject({ runs: 1, byStatus: { succeeded: 1 }, checkpoint: { validated: 1, passedFirstTime: 1, passRate: 1 }, humanIntervention: { runs: 0, rate: 0 } });
    expect(snapshot.agents.map((agent) => agent.agent)).toEqual(['reply-classifier']);
    expect(snapshot.queues.map((queue) => queue.queue).sort()).toEqual(['events', 'schedules', 'steps']);
  });

  it('prints readable tables by default', async () => {
    const result = await harness.cli(['metrics', '--workflow', 'classify_reply']);
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/^Metrics for the last 24h .*, workflow classify_reply$/m);
    expect(result.out).toMatch(/^WORKFLOW\s+RUNS\s+OK\s+PARTIAL\s+FAILED\s+WAITING\s+LATENCY P50\s+P95\s+CHECKPOINT PASS\s+HUMAN\s+CONFLICTS/m);
    expect(result.out).toMatch(/^classify_reply\s+1\s+1\s+0\s+0\s+0\s+.*100\.0%\s+0\.0%\s+-/m);
    expect(result.out).toMatch(/^reply-classifier\s+1\s+0\s+100\.0%\s+0/m);
    expect(result.out).toContain('Dead letters: 0 open, 0 new in the window');
    expect(result.out).toMatch(/^Uptime: Redis \d+ (d|h|min|s)/m);
  });

  it('writes uptime in its two largest units', () => {
    expect([formatUptime(null), formatUptime(0), formatUptime(45), formatUptime(725), formatUptime(12_000), formatUptime(792_000)]).toEqual(['-', '0 s', '45 s', '12 min 5 s', '3 h 20 min', '9 d 4 h']);
  });

  it('refuses a malformed window, naming the option', async () => {
    const result = await harness.cli(['metrics', '--since', 'last-week']);
    expect(result.status).toBe(2);
    expect(result.err).toContain('since: must be a span such as 90m, 24h or 7d');
  });
});
