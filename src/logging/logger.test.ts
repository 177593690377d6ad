import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { withTrace } from './trace-context.js';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('stamps the trace context on every line written inside a run, and none outside', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.info('before');
    await withTrace({ traceId: 'run-1', runId: 'run-1' }, async () => {
      logger.info('in run');
      await withTrace({ step: 'classify' }, () => {
        logger.info('in step');
        return Promise.resolve();
      });
    });
    const [before, inRun, inStep] = out.lines();
    expect(before?.['traceId']).toBeUndefined();
    expect(inRun).toMatchObject({ traceId: 'run-1', runId: 'run-1', msg: 'in run' });
    expect(inStep).toMatchObject({ traceId: 'run-1', runId: 'run-1', step: 'classify' });
  });

  it('redacts keys, tokens and passwords wherever they sit', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', destination: out.stream, secrets: ['sk-ant-supersecret'] });
    logger.info({ apiKey: 'sk-ant-1', slack: { token: 'xoxb-1' }, headers: { authorization: 'Bearer x' } }, 'call');
    logger.warn({ error: 'request failed for key sk-ant-supersecret' }, 'failed');
    const text = JSON.stringify(out.lines());
    expect(text).not.toContain('sk-ant-1');
    expect(text).not.toContain('xoxb-1');
    expect(text).not.toContain('Bearer x');
    expect(text).not.toContain('sk-ant-supersecret');
    expect(text).toContain('[redacted]');
  });

  it('marks every line in offline mode as simulated', () => {
    const out = capture();
    createLogger({ level: 'info', destination: out.stream, base: { simulated: true } }).info('hello');
    expect(out.lines()[0]).toMatchObject({ simulated: true, service: 'baton' });
  });
});
