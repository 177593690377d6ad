import pg from 'pg';
import { replyClassifier } from '../agents/reply-classifier/reply-classifier.js';
import { createAgentRuns } from '../src/engine/agent-runs.js';
import { applyMigrations, createPostgresClient } from '../src/store/index.js';
import { createOfflineRunner } from '../test/support/offline-runner.js';
import { createTemporaryDatabase } from '../test/support/temporary-database.js';
import type { Benchmark } from './benchmark-types.js';
import { countCommits } from './count-commits.js';
import { createFigure } from './create-figure.js';
import { createHandWrittenRun } from './hand-written-run.js';
import { measureSideBySide } from './measure.js';
import { SAMPLE_REPLY } from './sample-reply.js';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
const COUNTED_RUNS = 100;

/**
 * Kept at 1.5 although it is missed today (2.2-2.8x over eight runs): the gap is
 * round trips, not CPU. A recorded run makes 18 (three explicit transactions with BEGIN and
 * COMMIT, two `SELECT … FOR UPDATE`, a lookup of the step's run, one INSERT per event) where
 * the floor makes 7 with the same three commits. Moving the target would hide that.
 */
const RATIO_TARGET = 1.5;
/** One commit per store write (create the run, start the step, finish both); more means a write was split. */
const COMMITS_TARGET = 2;

export const recordedAgentRun: Benchmark = {
  name: 'recorded-agent-run',
  description: 'createAgentRuns recording a reply-classifier run in PostgreSQL vs the same rows written by hand with pg',
  async run({ logger }) {
    const database = await createTemporaryDatabase('bench');
    // One connection each: sequential work uses one anyway, and counting commits needs it (count-commits.ts).
    const sql = createPostgresClient({ url: database.url, maxConnections: 1, logger });
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      await applyMigrations({ sql, logger });
      // Commits counted must be the runs' alone; autovacuum in this database would add its own.
      await sql.execute(['runs', 'steps', 'run_events'].map((table) => `ALTER TABLE ${table} SET (autovacuum_enabled = off);`).join('\n'));
      const { runner } = await createOfflineRunner();
      const agentRuns = createAgentRuns({ sql, runner, logger });
      const recordOne = async () => {
        const { result } = await agentRuns.run(replyClassifier, SAMPLE_REPLY);
        if (!result.ok) throw result.error;
      };
      const first = await runner.run(replyClassifier, SAMPLE_REPLY);
      if (!first.ok) throw first.error;
      const writeByHand = createHandWrittenRun(pool, {
        agent: replyClassifier.name,
        version: replyClassifier.version,
        input: { reply: SAMPLE_REPLY.reply },
        output: first.output,
        model: first.model,
        confidence: first.confidence ?? 0,
      });

      const timings = await measureSideBySide({ subject: recordOne, baseline: writeByHand }, { warmup: 50, iterations: 400, budgetMs: 6_000 });
      const repeat = async (work: () => Promise<void>) => {
        for (let run = 0; run < COUNTED_RUNS; run += 1) await work();
      };
      // The URL's path is the database's name (bench_<random>).
      const where = { adminUrl: ADMIN_URL, database: new URL(database.url).pathname.slice(1) };
      const subjectCommits = await countCommits({ ...where, onSameConnection: (text) => sql.query(text), work: () => repeat(recordOne) });
      const floorCommits = await countCommits({ ...where, onSameConnection: (text) => pool.query(text), work: () => repeat(writeByHand) });

      return [
        createFigure({
          name: 'recorded run p50',
          value: timings.subject.p50,
          unit: 'ms',
          baseline: { name: 'hand-written pg p50', value: timings.baseline.p50 },
          target: { op: '<=', value: RATIO_TARGET, of: 'ratio' },
        }),
        createFigure({
          name: 'recorded run p99',
          value: timings.subject.p99,
          unit: 'ms',
          baseline: { name: 'hand-written pg p99', value: timings.baseline.p99 },
        }),
        createFigure({
          name: 'commits per recorded run',
          value: subjectCommits / COUNTED_RUNS,
          unit: 'commits',
          baseline: { name: 'hand-written commits per run', value: floorCommits / COUNTED_RUNS },
          target: { op: '<=', value: COMMITS_TARGET, of: 'value' },
        }),
      ];
    } finally {
      await Promise.allSettled([sql.close(), pool.end()]);
      await database.drop();
    }
  },
};
