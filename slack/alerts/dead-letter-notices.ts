import type { DeadLetter } from '../../src/engine/runtime/dead-letters.js';
import { toBatonError } from '../../src/errors/index.js';
import type { SlackContext } from '../app/slack-context.js';
import { validatedMessage } from '../blocks/validated-message.js';
import type { SlackJob } from '../work/slack-job.js';
import { deadLetterMessage } from './alert-blocks.js';

/** Posts each open dead letter once to the alerts channel, with Retry and Discard for triage. Part of the sync. */
export async function postDeadLetters(context: SlackContext): Promise<number> {
  let posted = 0;
  for (const letter of await context.engine.listDeadLetters({ status: 'open', limit: 50 })) {
    const key = `dead-letter:${letter.id}`;
    const claimed = await context.cards.claimNotice({ key, kind: 'dead_letter', channel: context.channels.alerts, state: 'posting' });
    if (claimed === undefined) continue;
    try {
      const message = await context.client.chat.postMessage({ channel: context.channels.alerts, ...validatedMessage(deadLetterMessage(letter)) });
      await context.cards.updateNotice(key, { ...(message.ts === undefined ? {} : { ts: message.ts }), state: 'open' });
      posted += 1;
    } catch (error) {
      // Unclaim, so the next sync tries again rather than leaving the letter unannounced.
      await context.cards.deleteNotice(key);
      throw error;
    }
  }
  return posted;
}

type DeadLetterJob = Extract<SlackJob, { kind: 'dead_letter' }>;

/**
 * Retry or discard from the triage message, by someone the settings' `slack.triage` names (or
 * anyone, when it names nobody). The engine resolves a letter once: a second click, a second
 * person or the other button is told who resolved it, and the message says so for everyone.
 */
export async function runDeadLetterJob(context: SlackContext, job: DeadLetterJob): Promise<void> {
  const tell = (text: string) => context.client.chat.postEphemeral({ channel: job.channel, user: job.user.id, text });
  if (!(await mayTriage(context, job.user.id))) {
    await tell(`You are not one of the dead-letter triagers, so nothing was done. Triagers: ${triagers(context)}.`);
    return;
  }
  const by = `slack:${job.user.id}`;
  try {
    if (job.action === 'retry') await context.engine.retryDeadLetter(job.deadLetterId, by);
    else await context.engine.discardDeadLetter(job.deadLetterId, by);
  } catch (thrown) {
    const error = toBatonError(thrown);
    if (error.retryable) throw error;
    const letter = await context.engine.getDeadLetter(job.deadLetterId);
    // The same person's second click (or this job's own retry) needs no note: the message shows the outcome.
    if (letter.resolvedBy !== by) await tell(letter.status === 'open' ? `Nothing was done: ${error.message}` : `This dead letter was already ${resolution(letter)}; nothing was done.`);
    if (letter.status !== 'open') await showResolution(context, job, letter);
    return;
  }
  await showResolution(context, job, await context.engine.getDeadLetter(job.deadLetterId));
}

async function showResolution(context: SlackContext, job: DeadLetterJob, letter: DeadLetter): Promise<void> {
  const icon = letter.status === 'retried' ? '🔁' : '🗑';
  const text = `${icon} ${resolution(letter).replace(/^./, (first) => first.toUpperCase())}`;
  await context.client.chat.update({ channel: job.channel, ts: job.ts, ...validatedMessage(deadLetterMessage(letter, text)) });
  await context.cards.updateNotice(`dead-letter:${letter.id}`, { state: 'done' });
}

function resolution(letter: DeadLetter): string {
  const by = letter.resolvedBy === null ? '' : letter.resolvedBy.startsWith('slack:') ? ` by <@${letter.resolvedBy.slice('slack:'.length)}>` : ` by ${letter.resolvedBy}`;
  return `${letter.status}${by}`;
}

async function mayTriage(context: SlackContext, userId: string): Promise<boolean> {
  const { users, groups } = context.triage;
  if (users.length === 0 && groups.length === 0) return true;
  if (users.includes(userId)) return true;
  const reviewer = await context.reviewers.reviewerFor(userId, { reviewers: { users: [...users], groups: [...groups] } });
  return reviewer.groups.length > 0;
}

function triagers(context: SlackContext): string {
  return [...context.triage.users.map((user) => `<@${user}>`), ...context.triage.groups.map((group) => `<!subteam^${group}>`)].join(', ');
}
