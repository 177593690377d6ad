import type { SlackContext } from '../app/slack-context.js';
import { briefMessage, progressMessage, researchRootMessage } from '../blocks/run-blocks.js';
import { validatedMessage } from '../blocks/validated-message.js';
import type { SlackJob } from '../work/slack-job.js';
import { parseResearchTarget } from './parse-command.js';

type ResearchJob = Extract<SlackJob, { kind: 'research' }>;
export const RESEARCH_WORKFLOW = 'research_account';
const FINISHED = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

/** Starts the research (once per slash command, by its request id) and opens the thread the brief will land in. */
export async function runResearchJob(context: SlackContext, job: ResearchJob): Promise<void> {
  const parsed = parseResearchTarget(job.target);
  if (!parsed.ok) return;
  const target = parsed.domain === undefined ? await context.findAccount(parsed.name) : parsed;
  if (target === undefined) {
    if (job.responseUrl !== undefined) {
      await context.respond(job.responseUrl, { response_type: 'ephemeral', text: `No account named "${parsed.name}" in the CRM, so I do not know its domain. Try \`/research ${parsed.name} <domain>\`.` });
    }
    return;
  }
  const started = await context.engine.start(RESEARCH_WORKFLOW, { account: { name: target.name, domain: target.domain } }, { idempotencyKey: `slack:research:${job.requestId}` });
  const key = `research:${started.runId}`;
  const claimed = await context.cards.claimNotice({ key, kind: 'research', channel: job.channel, state: 'posting', data: { done: [] } });
  const notice = claimed ?? (await context.cards.getNotice(key));
  if (notice === undefined || notice.ts !== null) return;
  const root = await context.client.chat.postMessage({ channel: job.channel, ...validatedMessage(researchRootMessage(target, job.user.id, started.runId)) });
  await context.cards.updateNotice(key, { ...(root.ts === undefined ? {} : { ts: root.ts }), state: 'following' });
  context.logger.info({ runId: started.runId, traceId: started.traceId, channel: job.channel }, 'research started from Slack');
}

/** Posts progress to each followed research thread, and the brief when its run ends. Part of the sync, so a restart resumes following. */
export async function followResearch(context: SlackContext): Promise<number> {
  let finished = 0;
  for (const notice of await context.cards.listNotices('research', 'following')) {
    if (notice.ts === null) continue;
    const runId = notice.key.slice('research:'.length);
    const run = await context.engine.getRun(runId);
    const seen = Array.isArray(notice.data['done']) ? (notice.data['done'] as string[]) : [];
    const done = run.steps.filter((step) => step.status === 'succeeded').map((step) => step.name);
    if (FINISHED.has(run.status)) {
      await context.client.chat.postMessage({ channel: notice.channel, thread_ts: notice.ts, ...validatedMessage(briefMessage(run)) });
      await context.cards.updateNotice(notice.key, { state: 'done', data: { done } });
      finished += 1;
    } else if (done.length > seen.length) {
      await context.client.chat.postMessage({ channel: notice.channel, thread_ts: notice.ts, ...validatedMessage(progressMessage(done, Math.max(run.steps.length, done.length))) });
      await context.cards.updateNotice(notice.key, { data: { done } });
    }
  }
  return finished;
}
