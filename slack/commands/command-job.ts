import type { SlackContext } from '../app/slack-context.js';
import type { SlackMessage } from '../blocks/block-kit-schema.js';
import { section } from '../blocks/block-text.js';
import { approvalsMessage, runMessage, runsMessage } from '../blocks/run-blocks.js';
import { validatedMessage } from '../blocks/validated-message.js';
import { toBatonError } from '../../src/errors/index.js';
import type { SlackJob } from '../work/slack-job.js';
import { BATON_USAGE } from './parse-command.js';

type CommandJob = Extract<SlackJob, { kind: 'command' }>;

/** `/baton` after its ack: reads through the engine and answers on the command's response URL, only to the person who asked. */
export async function runCommandJob(context: SlackContext, job: CommandJob): Promise<void> {
  const message = await answer(context, job);
  await context.respond(job.responseUrl, { response_type: 'ephemeral', ...validatedMessage(message) });
}

async function answer(context: SlackContext, job: CommandJob): Promise<SlackMessage> {
  switch (job.command) {
    case 'runs':
      return runsMessage((await context.engine.listRuns({ limit: 10 })).runs);
    case 'run':
      try {
        return runMessage(await context.engine.getRun(job.argument ?? ''));
      } catch (error) {
        const failure = toBatonError(error);
        if (failure.code !== 'not_found') throw failure;
        return { text: 'No such run', blocks: [section(`No run \`${job.argument ?? ''}\`. \`/baton runs\` lists the latest.`)] };
      }
    case 'approvals': {
      const pending = await context.engine.listApprovals({ status: 'pending', limit: 100 });
      const scope = job.argument === 'all' ? 'all' : 'mine';
      const shown = scope === 'all' ? pending : await mine(context, pending, job.user.id);
      return approvalsMessage(shown.slice(0, 20), scope);
    }
    case 'help':
      return { text: 'Baton commands', blocks: [section(BATON_USAGE)] };
  }
}

async function mine(context: SlackContext, pending: Awaited<ReturnType<SlackContext['engine']['listApprovals']>>, userId: string) {
  const decidable = [];
  for (const approval of pending) {
    const { reviewers } = approval;
    const open = reviewers.users.length === 0 && reviewers.groups.length === 0;
    if (open || reviewers.users.includes(userId) || (await context.reviewers.reviewerFor(userId, approval)).groups.length > 0) decidable.push(approval);
  }
  return decidable;
}
