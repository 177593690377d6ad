import type { SqlClient } from '../../src/store/index.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';

export interface SideEffectAudit {
  /** CRM records written more than once by one run (change sets applied, or their audit rows). */
  readonly crmWritesDoubled: string[];
  /** Step keys of a run that succeeded more than once (a completed step run again). */
  readonly stepsDoubled: string[];
  /** Identical Slack messages posted more than once (a card, a thread root, an alert). */
  readonly slackPostsDoubled: string[];
  /** Approvals decided more than once (audit rows per approval). */
  readonly approvalsDecidedTwice: string[];
  /** Approvals still pending, and runs waiting for a person with nothing to decide. */
  readonly approvalsLost: string[];
  /** CRM writes applied in all, for the report. */
  readonly crmWrites: number;
  readonly slackPosts: number;
}

/** Reads the store (and what the fake Slack received) for any side effect that happened twice or any decision lost. */
export async function auditSideEffects(sql: SqlClient, slack?: FakeSlackApi): Promise<SideEffectAudit> {
  const applied = await sql.query<{ run_id: string; record: string; count: string }>(
    `SELECT run_id, record_type || ':' || record_id AS record, count(*) AS count FROM crm_change_sets WHERE status IN ('applied', 'rolled_back') GROUP BY run_id, record_type, record_id`,
  );
  const auditRows = await sql.query<{ run_id: string; target: string; count: string }>(
    `SELECT run_id, target, count(*) AS count FROM audit_log WHERE action = 'crm.change_set.applied' GROUP BY run_id, target HAVING count(*) > 1`,
  );
  const ledger = await sql.query<{ count: string }>('SELECT count(*) AS count FROM crm_writes');
  const steps = await sql.query<{ run_id: string; name: string }>(`SELECT run_id, name FROM steps WHERE status = 'succeeded' GROUP BY run_id, name HAVING count(*) > 1`);
  const decisions = await sql.query<{ target: string }>(`SELECT target FROM audit_log WHERE action LIKE 'approval.%' GROUP BY target HAVING count(*) > 1`);
  const pending = await sql.query<{ id: string }>(`SELECT id FROM approvals WHERE status = 'pending'`);
  const orphans = await sql.query<{ id: string }>(`SELECT r.id FROM runs r WHERE r.status = 'waiting_for_human' AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.run_id = r.id AND a.status = 'pending')`);
  const posts = (slack?.calls ?? []).filter((call) => call.method === 'chat.postMessage' && call.status === 200);
  const seen = new Map<string, number>();
  for (const post of posts) {
    const { channel, text, blocks, thread_ts: thread } = post.body;
    const key = JSON.stringify({ channel, text, blocks, thread: thread === undefined ? 'root' : 'reply' });
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return {
    crmWritesDoubled: [
      ...applied.rows.filter((row) => Number(row.count) > 1).map((row) => `${row.run_id} ${row.record} applied ${row.count} times`),
      ...auditRows.rows.map((row) => `${row.run_id} ${row.target} audited as applied ${row.count} times`),
    ],
    stepsDoubled: steps.rows.map((row) => `${row.run_id} ${row.name}`),
    slackPostsDoubled: [...seen.entries()].filter(([, count]) => count > 1).map(([key, count]) => `${count}× ${key.slice(0, 200)}`),
    approvalsDecidedTwice: decisions.rows.map((row) => row.target),
    approvalsLost: [...pending.rows.map((row) => `approval ${row.id} still pending`), ...orphans.rows.map((row) => `run ${row.id} waits with no pending approval`)],
    crmWrites: Number(ledger.rows[0]?.count ?? 0),
    slackPosts: posts.length,
  };
}
