import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { countWords } from '../email-qa/deterministic-rules.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { optOutConfirmer } from './opt-out-confirmer.js';
import { OptOutConfirmationSchema } from './opt-out-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

async function confirm(text: string) {
  const context = { reply: { from: 'procurement@globex.example', text } };
  const result = await runner.run(optOutConfirmer, context);
  if (!result.ok) throw result.error;
  return { ...result, input: runner.prepareInput(optOutConfirmer, context) };
}

describe('opt-out-confirmer in offline mode', () => {
  it('removes someone who asks to be removed from all outreach, with a short confirmation that passes its checks', async () => {
    const { output, simulated, input } = await confirm('Please remove me from your list. Not interested.');
    expect(simulated).toBe(true);
    expect(output.scope).toBe('all_outreach');
    expect(output.confirmation.subject).toBe('[simulated] Removed from our list');
    expect(agentCheckMessages(optOutConfirmer, output, input)).toEqual([]);
  });

  it('stops only this sequence for a plain "not interested"', async () => {
    const { output, input } = await confirm('Not interested, thanks.');
    expect(output.scope).toBe('this_sequence');
    expect(agentCheckMessages(optOutConfirmer, output, input)).toEqual([]);
  });

  it('chooses all outreach, with lower confidence, when the reply is unclear', async () => {
    const { output, confidence } = await confirm('Please stop.');
    expect(output.scope).toBe('all_outreach');
    expect(confidence).toBeLessThan(0.7);
  });

  it('answers in the declared format, with its confidence on the result', async () => {
    const result = await confirm('Unsubscribe');
    expect(OptOutConfirmationSchema.parse(result.output)).toEqual(result.output);
    expect(result.confidence).toBe(result.output.confidence);
  });
});

describe('opt-out-confirmer checks', () => {
  it('refuses a question, a link, a long body, and a narrow scope for a removal request', async () => {
    const { input } = await confirm('Remove me from your list.');
    const body = `Sorry to see you go! Before you leave, could you tell us why? Manage your preferences at https://mail.example/prefs. ${'We will miss you. '.repeat(12)}`;
    const answer = { confirmation: { subject: 'Removed', body }, scope: 'this_sequence' as const, confidence: 0.9 };
    expect(agentCheckMessages(optOutConfirmer, answer, input)).toEqual([
      'the confirmation has a question mark: confirm the removal, do not ask anything',
      'the confirmation has a link: remove it, a confirmation needs nothing clicked',
      `the confirmation body is ${countWords(body)} words: keep it to 50 or fewer`,
      'the reply asks to stop all contact ("remove me"), so scope must be all_outreach, not this_sequence',
    ]);
  });

  it('counts a bare www address or a domain with a path as a link', () => {
    const input = runner.prepareInput(optOutConfirmer, { reply: { text: 'Not interested.' } });
    for (const body of ['Done. See www.example.com for details.', 'Done. Preferences: example.com/prefs']) {
      expect(agentCheckMessages(optOutConfirmer, { confirmation: { subject: 'Done', body }, scope: 'this_sequence' as const, confidence: 0.9 }, input)).toEqual([
        'the confirmation has a link: remove it, a confirmation needs nothing clicked',
      ]);
    }
  });
});
