import type { SqlClient } from '../../src/store/index.js';

export interface CardRow {
  readonly approval_id: string;
  readonly run_id: string;
  readonly channel: string;
  readonly root_ts: string | null;
  readonly card_ts: string | null;
  readonly state: 'posting' | 'open' | 'closed';
  readonly fingerprint: string;
  readonly escalation_level: number;
  readonly reminded_at: Date | string | null;
  readonly permalink: string | null;
}

export interface NoticeRow {
  readonly key: string;
  readonly kind: string;
  readonly channel: string;
  readonly ts: string | null;
  readonly state: string;
  readonly data: Record<string, unknown>;
}

/** A claim older than this belongs to a process that died mid-post: another may take it over. */
const STALE_CLAIM_SECONDS = 60;

/** The Slack app's own rows: cards per approval and keyed notices (migration 0006). */
export function createCardStore(sql: SqlClient) {
  return {
    /** Claims the card for posting; false when another process has it (or it is posted). */
    async claim(card: { approvalId: string; runId: string; channel: string; fingerprint: string; escalationLevel: number }): Promise<CardRow | undefined> {
      // A card first posted after an escalation already shows the escalation reviewers: nothing more to announce.
      const { rows } = await sql.query<CardRow>(
        `INSERT INTO slack_cards (approval_id, run_id, channel, state, fingerprint, escalation_level) VALUES ($1, $2, $3, 'posting', $4, $5)
         ON CONFLICT (approval_id) DO UPDATE SET claimed_at = now()
           WHERE slack_cards.state = 'posting' AND slack_cards.claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})
         RETURNING *`,
        [card.approvalId, card.runId, card.channel, card.fingerprint, card.escalationLevel],
      );
      return rows[0];
    },
    async get(approvalId: string): Promise<CardRow | undefined> {
      const { rows } = await sql.query<CardRow>('SELECT * FROM slack_cards WHERE approval_id = $1', [approvalId]);
      return rows[0];
    },
    async setRoot(approvalId: string, rootTs: string): Promise<void> {
      await sql.query('UPDATE slack_cards SET root_ts = $2, updated_at = now() WHERE approval_id = $1', [approvalId, rootTs]);
    },
    async open(approvalId: string, cardTs: string, permalink: string | null): Promise<void> {
      await sql.query(`UPDATE slack_cards SET card_ts = $2, permalink = $3, state = 'open', updated_at = now() WHERE approval_id = $1`, [approvalId, cardTs, permalink]);
    },
    /** Closes an open card once; false when it was already closed (someone else updated it). */
    async close(approvalId: string, status: string): Promise<boolean> {
      const { rows } = await sql.query(`UPDATE slack_cards SET state = 'closed', closed_status = $2, updated_at = now() WHERE approval_id = $1 AND state = 'open' RETURNING approval_id`, [approvalId, status]);
      return rows.length > 0;
    },
    async listUnsettled(): Promise<CardRow[]> {
      const { rows } = await sql.query<CardRow>(`SELECT * FROM slack_cards WHERE state <> 'closed' ORDER BY claimed_at LIMIT 500`);
      return rows;
    },
    async markEscalated(approvalId: string, level: number): Promise<boolean> {
      const { rows } = await sql.query(`UPDATE slack_cards SET escalation_level = $2, reminded_at = NULL, updated_at = now() WHERE approval_id = $1 AND escalation_level < $2 RETURNING approval_id`, [approvalId, level]);
      return rows.length > 0;
    },
    async markReminded(approvalId: string): Promise<boolean> {
      const { rows } = await sql.query(`UPDATE slack_cards SET reminded_at = now(), updated_at = now() WHERE approval_id = $1 AND reminded_at IS NULL RETURNING approval_id`, [approvalId]);
      return rows.length > 0;
    },
    /** Records a notice once; undefined when the key exists (it was posted, or is being posted). */
    async claimNotice(notice: { key: string; kind: string; channel: string; state: string; data?: Record<string, unknown> }): Promise<NoticeRow | undefined> {
      const { rows } = await sql.query<NoticeRow>(
        `INSERT INTO slack_notices (key, kind, channel, state, data) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (key) DO NOTHING RETURNING *`,
        [notice.key, notice.kind, notice.channel, notice.state, JSON.stringify(notice.data ?? {})],
      );
      return rows[0];
    },
    /** Takes over a notice stuck in `posting` by a process that died mid-post; undefined when it is done, open, or fresh. */
    async claimStaleNotice(key: string): Promise<NoticeRow | undefined> {
      const { rows } = await sql.query<NoticeRow>(
        `UPDATE slack_notices SET updated_at = now() WHERE key = $1 AND state = 'posting' AND updated_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS}) RETURNING *`,
        [key],
      );
      return rows[0];
    },
    async getNotice(key: string): Promise<NoticeRow | undefined> {
      const { rows } = await sql.query<NoticeRow>('SELECT * FROM slack_notices WHERE key = $1', [key]);
      return rows[0];
    },
    async updateNotice(key: string, change: { ts?: string; state?: string; data?: Record<string, unknown> }): Promise<void> {
      await sql.query(
        `UPDATE slack_notices SET ts = coalesce($2, ts), state = coalesce($3, state), data = coalesce($4::jsonb, data), updated_at = now() WHERE key = $1`,
        [key, change.ts ?? null, change.state ?? null, change.data === undefined ? null : JSON.stringify(change.data)],
      );
    },
    async listNotices(kind: string, state: string): Promise<NoticeRow[]> {
      const { rows } = await sql.query<NoticeRow>('SELECT * FROM slack_notices WHERE kind = $1 AND state = $2 ORDER BY created_at LIMIT 200', [kind, state]);
      return rows;
    },
    async deleteNotice(key: string): Promise<void> {
      await sql.query('DELETE FROM slack_notices WHERE key = $1', [key]);
    },
  };
}
export type CardStore = ReturnType<typeof createCardStore>;
