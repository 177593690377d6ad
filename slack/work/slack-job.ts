import { z } from 'zod';
import { DecisionSchema } from '../../src/engine/approvals/decide-approval.js';

/** Who clicked or typed, and where: enough to answer them ephemerally. */
const SlackUserSchema = z.object({ id: z.string().min(1), name: z.string().optional() });

/**
 * Work a listener hands over after its ack: each kind is one job on the Slack queue, so a
 * handler answers Slack at once and nothing is lost if the process dies afterwards.
 */
export const SlackJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decide'), approvalId: z.string().min(1), fingerprint: z.string().min(1), decision: DecisionSchema, user: SlackUserSchema, channel: z.string().min(1) }),
  z.object({ kind: z.literal('pick'), approvalId: z.string().min(1), fingerprint: z.string().min(1), category: z.string().min(1), user: SlackUserSchema, channel: z.string().min(1) }),
  z.object({ kind: z.literal('card.refresh'), approvalId: z.string().min(1) }),
  z.object({ kind: z.literal('research'), target: z.string().min(1), user: SlackUserSchema, channel: z.string().min(1), requestId: z.string().min(1), responseUrl: z.url().optional() }),
  z.object({ kind: z.literal('command'), command: z.enum(['runs', 'run', 'approvals', 'help']), argument: z.string().optional(), user: SlackUserSchema, channel: z.string().min(1), responseUrl: z.string().min(1) }),
  z.object({ kind: z.literal('dead_letter'), action: z.enum(['retry', 'discard']), deadLetterId: z.string().min(1), user: SlackUserSchema, channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ kind: z.literal('event'), eventId: z.string().min(1), type: z.string().min(1), data: z.unknown() }),
  z.object({ kind: z.literal('sync') }),
  z.object({ kind: z.literal('digest') }),
]);
export type SlackJob = z.infer<typeof SlackJobSchema>;

/** The queue as the Slack app sees it; src/main puts it on BullMQ. An `id` makes a re-enqueued job a no-op while the first exists. */
export interface SlackWorkQueue {
  enqueue(job: SlackJob, options?: { readonly id?: string }): Promise<void>;
}
