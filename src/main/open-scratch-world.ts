import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm, type NewCrmRecord } from '../../crm/embedded/index.js';
import { seedCrm } from '../../crm/seed/index.js';
import { BatonError, toBatonError } from '../errors/index.js';
import { openStore, type Store } from '../store/index.js';
import type { Baton } from './create-baton.js';
import { openEngine, type OpenedEngine } from './open-engine.js';
import { startWorkers, type WorkerSet } from './start-workers.js';
import { createStepEffects } from './step-effects.js';

export interface ScratchWorldOptions {
  /** The day the sample book is seeded for (its close and activity dates are relative to it); defaults to now. */
  readonly today?: Date;
  /** Records added after the sample book: leads or accounts a golden set needs that the book lacks. */
  readonly records?: readonly NewCrmRecord[];
}

/** An engine with its own store, embedded CRM and queue prefix, and step workers running on it. */
export interface ScratchWorld {
  readonly opened: OpenedEngine;
  readonly store: Store;
  /** Where the scratch store lives: a temporary folder or a temporary PostgreSQL schema. */
  readonly location: string;
  /** Stops the workers, deletes the queue keys and drops the scratch store. */
  close(): Promise<void>;
}

/**
 * A throwaway world with the configured model, prompts and settings: a fresh embedded CRM seeded
 * with the sample book (never Salesforce, whatever SALESFORCE_* says), on a scratch store (a
 * temporary PGlite folder, or a temporary schema when DATABASE_URL is set) and a queue prefix of
 * its own. Nothing it does reaches the configured store, CRM or queues, so runs in it are
 * repeatable and may write freely.
 */
export async function openScratchWorld(baton: Baton, options: ScratchWorldOptions = {}): Promise<ScratchWorld> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    // Taken out as they run, so a second close does nothing.
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => {
        baton.logger.warn({ err: error }, 'scratch world not fully removed');
      });
    }
  };
  try {
    const { store, location } = await openScratchStore(baton, cleanups);
    const crm = createEmbeddedCrm({ sql: store.sql });
    await seedCrm(crm, options.today === undefined ? {} : { today: options.today });
    if (options.records !== undefined) await crm.insertRecords(options.records);
    const changeSets = createChangeSets({ sql: store.sql, crm, settings: baton.settings.governance, logger: baton.logger });
    const opened = await openEngine({
      config: baton.config,
      settings: baton.settings,
      store,
      workflows: baton.workflows,
      runner: baton.runner,
      logger: baton.logger,
      prefix: `${baton.config.queuePrefix}-eval-${randomBytes(4).toString('hex')}`,
      effects: ({ events }) => createStepEffects({ crm: { crm, changeSets, seed: () => seedCrm(crm) }, events }),
    });
    cleanups.push(async () => {
      await deleteKeys(opened);
      await opened.close();
    });
    const workers: WorkerSet = await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'inline' });
    cleanups.push(async () => {
      await workers.close({ deadlineMs: 5_000 });
    });
    return { opened, store, location, close: cleanUp };
  } catch (thrown) {
    await cleanUp();
    const error = toBatonError(thrown);
    throw new BatonError(error.code, `The scratch world cannot be created, so nothing was run and nothing was written: ${error.message}`, { cause: thrown });
  }
}

async function openScratchStore(baton: Baton, cleanups: (() => Promise<void>)[]): Promise<{ store: Store; location: string }> {
  const { databaseUrl } = baton.config;
  if (databaseUrl === undefined) {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-eval-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const store = await openStore({ dataDir: folder, logger: baton.logger });
    cleanups.push(() => store.close());
    return { store, location: folder };
  }
  // A schema of its own in the configured database: created and dropped through the configured store.
  const schema = `baton_eval_${randomBytes(6).toString('hex')}`;
  const configured = await baton.store();
  await configured.sql.execute(`CREATE SCHEMA ${schema}`);
  cleanups.push(() => configured.sql.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  const store = await openStore({ databaseUrl, dataDir: baton.config.dataDir, schema, logger: baton.logger });
  cleanups.push(() => store.close());
  return { store, location: `schema ${schema}` };
}

/** Every key under the world's prefix: its queues, breakers and budget ledgers. */
async function deleteKeys(opened: OpenedEngine): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await opened.redis.scan(cursor, 'MATCH', `${opened.prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await opened.redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
