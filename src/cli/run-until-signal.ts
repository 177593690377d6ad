import { startHttpServer, type RunningHttpServer } from '../main/http-server.js';
import { createServeRoutes } from '../main/serve-routes.js';
import { startWorkers, type StartWorkersOptions } from '../main/start-workers.js';
import { createStepTracing } from '../main/tracing-steps.js';
import type { CliContext } from './cli-command.js';
import { EXIT } from './cli-command.js';
import { expectPositionals, parseCliArgs, parseWholeNumber } from './parse-cli-args.js';
import { listenForShutdown } from './shutdown-signals.js';

export interface RunUntilSignalOptions {
  readonly role: Extract<StartWorkersOptions['role'], 'serve' | 'worker'>;
  readonly stepWorkers?: number;
}

/**
 * A long-running process: starts the role's workers and runs until SIGINT or SIGTERM, then stops
 * taking jobs, lets the ones in flight finish and closes its connections (runCli closes Baton).
 */
export async function runUntilSignal(context: CliContext, options: RunUntilSignalOptions): Promise<number> {
  // Listen before anything opens, so a signal during start-up is a clean stop too.
  const signals = listenForShutdown(context.io, `the ${options.role}`);
  try {
    const baton = await context.baton();
    const opened = await baton.engine();
    const endpoint = baton.config.tracing.otlpEndpoint;
    const tracing = endpoint === undefined ? undefined : createStepTracing({ endpoint, sql: (await baton.store()).sql, redis: opened.redis, prefix: opened.prefix, logger: baton.logger });
    const workers = await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: options.role, ...(options.stepWorkers === undefined ? {} : { stepWorkers: options.stepWorkers }), ...(tracing === undefined ? {} : { tracing }) });
    const http: RunningHttpServer | undefined =
      options.role === 'serve' ? await startHttpServer({ ...baton.config.http, routes: await createServeRoutes({ baton, opened }), logger: baton.logger }) : undefined;
    baton.logger.info(
      { role: options.role, ...(http === undefined ? {} : { http: http.url }), stepWorkers: options.stepWorkers ?? 1, concurrency: baton.settings.queues.concurrency, queuePrefix: opened.prefix, simulated: baton.runner.simulated, tracing: endpoint ?? 'off' },
      `baton ${options.role} started; stop with Ctrl-C or SIGTERM`,
    );
    const signal = await signals.received;
    const deadlineMs = baton.config.shutdownDeadlineMs;
    baton.logger.info({ signal, deadlineMs }, `stopping the ${options.role}: in-flight steps finish first, or are handed back after the deadline`);
    const [drained] = await Promise.all([workers.close({ deadlineMs }), http?.close()]);
    await tracing?.shutdown();
    baton.logger.info({ handedBack: drained.handedBack }, `baton ${options.role} stopped`);
    // A handed-back step's model call may still hold a socket open; it is another worker's now, so it must not keep this process alive.
    if (drained.handedBack > 0) setTimeout(() => process.exit(EXIT.ok), 1_000).unref();
    return EXIT.ok;
  } finally {
    signals.dispose();
  }
}

/** `baton serve` and `baton worker` differ only in the role they run: parse `--workers`, then run until a signal. */
export async function runRole(args: readonly string[], context: CliContext, options: { usage: string; role: 'serve' | 'worker' }): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { workers: { type: 'string' } }, options.usage);
  expectPositionals(positionals, 0, options.usage);
  const stepWorkers = parseWholeNumber('--workers', values.workers, { min: 1, max: 64 });
  return runUntilSignal(context, { role: options.role, ...(stepWorkers === undefined ? {} : { stepWorkers }) });
}
