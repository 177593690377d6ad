import { startBatonProcess, type BatonProcess } from '../operations/baton-process.js';

export interface ChaosProcesses {
  /** Starts `baton worker` (or `baton serve` with `serve: true`) with the scenario's environment. */
  start(options?: { readonly serve?: boolean }): Promise<BatonProcess>;
  /** SIGKILLs one running worker process chosen by `pick`, and starts a fresh one in its place (its start reconciles). */
  killAndReplace(pick: (count: number) => number): Promise<void>;
  /** Processes that exited without being killed by the scenario, with the end of their stderr. */
  crashes(): string[];
  /** Everything every process wrote to stderr (JSON log lines). */
  logs(): string;
  stopAll(): Promise<void>;
}

/**
 * Baton's own processes as an operator runs them (`baton worker`, `baton serve`), each started
 * through the CLI entry point. A process the scenario did not kill but that exited is a crash.
 */
export function createChaosProcesses(env: Readonly<Record<string, string>>, serveEnv: Readonly<Record<string, string>>): ChaosProcesses {
  const running = new Set<BatonProcess>();
  const killed = new Set<BatonProcess>();
  const ended: BatonProcess[] = [];
  const all: BatonProcess[] = [];
  const crashes: string[] = [];
  const start = async (options: { readonly serve?: boolean } = {}) => {
    const started = await startBatonProcess(options.serve === true ? ['serve'] : ['worker'], { ...env, ...(options.serve === true ? serveEnv : {}) });
    all.push(started);
    running.add(started);
    void started.exited.then((exit) => {
      running.delete(started);
      ended.push(started);
      if (!killed.has(started)) crashes.push(`baton ${options.serve === true ? 'serve' : 'worker'} exited ${JSON.stringify(exit)}: ${started.stderr().slice(-2_000)}`);
    });
    return started;
  };
  return {
    start,
    async killAndReplace(pick) {
      const workers = [...running].filter((process) => !process.child.spawnargs.includes('serve'));
      const victim = workers[pick(workers.length)];
      if (victim !== undefined) {
        killed.add(victim);
        await victim.kill();
      }
      await start();
    },
    crashes: () => crashes,
    logs: () => all.map((process) => process.stderr()).join('\n'),
    async stopAll() {
      for (const process of running) killed.add(process);
      await Promise.all([...running].map((process) => process.kill()));
    },
  };
}
