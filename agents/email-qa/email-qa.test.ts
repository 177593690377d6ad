import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { AgentCatalog } from '../agent-catalog.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { EmailQaReportSchema } from './email-qa-schemas.js';
import { mergeEmailVerdicts } from './merge-email-verdicts.js';

let runner: AgentRunner;
let agents: AgentCatalog;
beforeAll(async () => {
  ({ runner, agents } = await createOfflineRunner());
});

const signal = { summary: 'Series B funding in October', keywords: ['Series B'] };

describe('email-qa', () => {
  it('passes a sequence that meets every rule', async () => {
    const result = await runner.run(agents.get('email-qa'), {
      emails: [
        { subject: 'Your Series B', body: 'Congrats on the Series B. Teams that double sales headcount after a raise often find ramp time slips. Is that on your radar?' },
        { subject: 'Ramp time', body: 'One more thought on onboarding new reps this quarter. Worth comparing notes?' },
      ],
      signal,
    });
    if (!result.ok) throw result.error;
    expect(EmailQaReportSchema.parse(result.output)).toMatchObject({ pass: true, failures: [], failingEmails: [] });
    expect(result.simulated).toBe(true);
  });

  it('fails only the emails that break a rule, with a fix for each, mixing code and model rules', async () => {
    const result = await runner.run(agents.get('email-qa'), {
      emails: [
        { subject: 'Your Series B', body: 'Congrats on the Series B. Worth a chat?' },
        { subject: 'Idea', body: 'Our platform automates onboarding. Features include dashboards. Are you free? Is Tuesday good?' },
        { subject: 'Last note', body: 'Leveraging AI — is that on your list?' },
      ],
      signal,
    });
    if (!result.ok) throw result.error;
    const report = EmailQaReportSchema.parse(result.output);
    expect(report.pass).toBe(false);
    expect(report.failingEmails).toEqual([2, 3]);
    expect(report.failures.map((failure) => [failure.email, failure.rule])).toEqual([
      [2, 'no-pitch'],
      [2, 'single-ask'],
      [3, 'banned-phrase'],
      [3, 'em-dash'],
    ]);
    expect(report.failures[1]?.message).toBe('Email 2 has 2 asks: keep exactly one.');
    expect(report.rules.find((rule) => rule.rule === 'no-pitch')).toEqual({ rule: 'no-pitch', checkedBy: 'model', passed: false });
  });

  it('rejects four emails: a cold sequence has at most three', async () => {
    const email = { subject: 'Series B', body: 'Series B?' };
    const result = await runner.run(agents.get('email-qa'), { emails: [email, email, email, email], signal });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('emails: a cold sequence has at most 3 emails');
  });

  it('turns a model judgement into specific feedback for an email with no ask', () => {
    const report = mergeEmailVerdicts(
      { emails: [{ email: 1, pitchesProduct: false, askCount: 0, evidence: 'none' }], confidence: 0.9 },
      { emails: [{ subject: 'Series B', body: 'Congrats on the Series B.' }], signal },
      { limits: { maxBodyWords: 80, subject: { maxWords: 5, maxCharacters: 45, forbiddenPrefixes: [], forbidExclamation: true, forbidAllCaps: true }, forbidEmDash: true, signalRequiredInEmail: 1 }, bannedPhrases: [] },
    );
    expect(report.failures).toEqual([{ email: 1, rule: 'single-ask', message: 'Email 1 has no ask: end with one clear, low-friction question.' }]);
    expect(report.confidence).toBe(0.9);
  });
});
