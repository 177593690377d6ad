import { describe, expect, it } from 'vitest';
import { createChangeSets } from '../../crm/change-sets/index.js';
import { createEmbeddedCrm } from '../../crm/embedded/index.js';
import { silentLogger, STORE_BACKENDS } from '../store/store-backends.js';
import { ACCOUNT, auditRows, LEAD, proposal, TEST_GOVERNANCE, useCrmWorld, writesTo } from './change-set-fixture.js';

describe.each(STORE_BACKENDS)('change sets from two processes on $name', ({ createFixture }) => {
  const backend = createFixture();
  const world = useCrmWorld(backend);

  function secondProcess() {
    const sql = backend.secondClient(world.store);
    const clock = () => world.now;
    const changeSets = createChangeSets({ sql, crm: createEmbeddedCrm({ sql, clock }), settings: TEST_GOVERNANCE, logger: silentLogger, clock });
    return { changeSets, close: () => (sql === world.store.sql ? Promise.resolve() : sql.close()) };
  }

  it('counts the hourly cap in the store: writes from two processes share one record\'s three slots', async () => {
    const other = secondProcess();
    try {
      const statuses = [];
      for (const [index, Title] of ['A', 'B', 'C', 'D'].entries()) {
        statuses.push((await (index % 2 === 0 ? world.changeSets : other.changeSets).propose(proposal('researcher', 0.9, LEAD, { Title }))).status);
      }
      expect(statuses).toEqual(['applied', 'applied', 'applied', 'held']);
    } finally {
      await other.close();
    }
  });

  it('never writes past the cap nor drops a change when six writes to one record race from two processes', async () => {
    const other = secondProcess();
    try {
      const titles = ['A', 'B', 'C', 'D', 'E', 'F'];
      const results = await Promise.all(titles.map((Title, index) => (index % 2 === 0 ? world.changeSets : other.changeSets).propose(proposal('researcher', 0.9, LEAD, { Title }))));
      const applied = results.filter((result) => result.status === 'applied').length;
      // Proposals that read the record before another's write conflict instead of overwriting it; the rest are held.
      expect(results.every((result) => ['applied', 'held', 'conflicted'].includes(result.status))).toBe(true);
      expect(applied).toBeGreaterThanOrEqual(1);
      expect(applied).toBeLessThanOrEqual(3);
      expect(await writesTo(world, LEAD)).toBe(applied);
    } finally {
      await other.close();
    }
  });

  it('writes and audits once when two processes apply the same change set at once', async () => {
    const other = secondProcess();
    try {
      const gated = await world.changeSets.propose(proposal('researcher', 0.5, LEAD, { Title: 'Head of Revenue' }));
      const results = await Promise.all([world.changeSets.apply(gated.id, { approvedBy: 'sam' }), other.changeSets.apply(gated.id, { approvedBy: 'sam' })]);
      expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
      expect(await writesTo(world, LEAD)).toBe(1);
      expect(await auditRows(world, 'crm.change_set.applied')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('settles two agents proposing one field at once: exactly one stays open', async () => {
    const other = secondProcess();
    try {
      const [first, second] = await Promise.all([
        world.changeSets.propose(proposal('researcher', 0.6, ACCOUNT, { Industry: 'Freight' })),
        other.changeSets.propose(proposal('enricher', 0.7, ACCOUNT, { Industry: 'Logistics' })),
      ]);
      const after = await Promise.all([world.changeSets.get(first.id), world.changeSets.get(second.id)]);
      expect(after.map((changeSet) => changeSet.status).sort()).toEqual(['awaiting_approval', 'superseded']);
      expect(after.find((changeSet) => changeSet.status === 'awaiting_approval')!.agent).toBe('enricher');
    } finally {
      await other.close();
    }
  });
});
