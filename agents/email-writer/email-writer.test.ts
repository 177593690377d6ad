import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { loadHouseEmailRules } from '../../test/support/house-email-rules.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import { sampleAccountBrief, SERIES_B_SIGNAL } from '../../test/support/sample-account-brief.js';
import type { AccountBrief } from '../contracts/account-brief.js';
import { EmailSequenceSchema, type EmailSequence } from '../contracts/email-sequence.js';
import { createEmailQaAgent } from '../email-qa/email-qa.js';
import type { EmailQaReport } from '../email-qa/email-qa-schemas.js';
import type { EmailRules } from '../email-qa/email-rules.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { createEmailWriterAgent } from './email-writer.js';

let runner: AgentRunner;
let rules: EmailRules;
let writer: ReturnType<typeof createEmailWriterAgent>;
let qa: ReturnType<typeof createEmailQaAgent>;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
  rules = await loadHouseEmailRules();
  writer = createEmailWriterAgent(rules);
  qa = createEmailQaAgent(rules);
});

async function write(context: unknown) {
  const result = await runner.run(writer, context);
  if (!result.ok) throw result.error;
  return result;
}

async function check(sequence: EmailSequence): Promise<EmailQaReport> {
  const result = await runner.run(qa, { emails: sequence.emails, signal: sequence.signal });
  if (!result.ok) throw result.error;
  return result.output;
}

describe('email-writer in offline mode', () => {
  it('writes three emails on the strongest signal, naming it in email 1, labelled simulated outside the emails', async () => {
    const result = await write({ brief: sampleAccountBrief() });
    expect(result.simulated).toBe(true);
    expect(result.output.emails).toHaveLength(3);
    expect(result.output.signal.keywords).toEqual(SERIES_B_SIGNAL.keywords);
    expect(result.output.signal.summary).toBe(`[simulated] ${SERIES_B_SIGNAL.summary}`);
    expect(result.output.emails[0]?.body).toContain('Series B');
    expect(JSON.stringify(result.output.emails)).not.toContain('[simulated]');
  });

  it('writes a sequence that passes the email-qa critic', async () => {
    const report = await check((await write({ brief: sampleAccountBrief() })).output);
    expect(report).toMatchObject({ pass: true, failures: [], failingEmails: [] });
  });

  it('answers in the EmailSequence contract, with its confidence on the result', async () => {
    const result = await write({ brief: sampleAccountBrief() });
    expect(EmailSequenceSchema.parse(result.output)).toEqual(result.output);
    expect(result.confidence).toBe(result.output.confidence);
  });

  it('falls back to the account name with low confidence when the brief has no signals, and still passes QA', async () => {
    const result = await write({ brief: sampleAccountBrief({ signals: [] }) });
    expect(result.output.signal.keywords).toEqual(['Northwind Logistics']);
    expect(result.output.emails[0]?.body).toContain('Northwind Logistics');
    expect(result.confidence).toBeLessThan(0.5);
    expect((await check(result.output)).pass).toBe(true);
  });

  it('never puts a banned keyword in an email: it names the signal with another of its keywords', async () => {
    const signal = { ...SERIES_B_SIGNAL, kind: 'product_launch' as const, keywords: ['seamless checkout', 'checkout launch'] };
    const result = await write({ brief: sampleAccountBrief({ signals: [signal] }) });
    expect(result.output.emails[0]?.body).toContain('checkout launch');
    expect((await check(result.output)).pass).toBe(true);
  });

  it('refuses QA feedback without the sequence it judged, naming the field', async () => {
    const previous = (await write({ brief: sampleAccountBrief() })).output;
    const feedback = await check(previous);
    const result = await runner.run(writer, { brief: sampleAccountBrief(), feedback });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('feedback: feedback and previous come together');
  });
});

describe('email-writer in the QA loop', () => {
  async function failingThirdEmail(brief: AccountBrief) {
    const first = (await write({ brief })).output;
    const previous = { ...first, emails: [first.emails[0]!, first.emails[1]!, { subject: 'Leveraging AI', body: 'Leveraging AI — is that on your list? Or not?' }] };
    return { previous, feedback: await check(previous) };
  }

  it('given a QA report failing email 3, changes email 3 only, and the rewrite passes QA', async () => {
    const brief = sampleAccountBrief();
    const { previous, feedback } = await failingThirdEmail(brief);
    expect(feedback.failingEmails).toEqual([3]);
    const rewritten = (await write({ brief, feedback, previous })).output;
    expect(rewritten.emails.slice(0, 2)).toEqual(previous.emails.slice(0, 2));
    expect(rewritten.emails[2]).not.toEqual(previous.emails[2]);
    expect(await check(rewritten)).toMatchObject({ pass: true, failingEmails: [] });
  });

  it('returns every email unchanged when the report fails none', async () => {
    const previous = (await write({ brief: sampleAccountBrief() })).output;
    const rewritten = (await write({ brief: sampleAccountBrief(), feedback: await check(previous), previous })).output;
    expect(rewritten.emails).toEqual(previous.emails);
  });

  it('says which passing email drifted and which failing email was not rewritten', async () => {
    const brief = sampleAccountBrief();
    const { previous, feedback } = await failingThirdEmail(brief);
    const input = runner.prepareInput(writer, { brief, feedback, previous });
    const drifted = { ...previous, emails: [previous.emails[0]!, { subject: 'Ramp', body: 'A new email 2. Worth a look?' }, previous.emails[2]!] };
    expect(agentCheckMessages(writer, drifted, input)).toEqual([
      'email 2 passed QA and must be returned unchanged: copy its subject and body exactly from previous.emails[1]',
      `email 3 failed QA and came back unchanged: rewrite it to fix ${feedback.failures.map((failure) => failure.message).join(' ')}`,
    ]);
  });

  it('copies passing emails byte for byte from previous, even when the model only reflowed their whitespace', async () => {
    const brief = sampleAccountBrief();
    const { previous, feedback } = await failingThirdEmail(brief);
    const input = runner.prepareInput(writer, { brief, feedback, previous });
    const email2 = previous.emails[1]!;
    const answer = { ...previous, emails: [previous.emails[0]!, { ...email2, body: email2.body.replaceAll(' ', '\n') }, { subject: 'Last note', body: 'Should I close the file?' }] };
    expect(agentCheckMessages(writer, answer, input)).toEqual([]);
    expect(writer.finalize(answer, input).emails).toEqual([previous.emails[0], previous.emails[1], answer.emails[2]]);
  });

  it('rejects signal keywords the brief does not give its strongest signal', () => {
    const input = runner.prepareInput(writer, { brief: sampleAccountBrief() });
    const answer = { emails: [1, 2, 3].map(() => ({ subject: 'Hi', body: 'Hi?' })), signal: { summary: 'x', keywords: ['Series B', 'IPO'] }, confidence: 0.9 };
    expect(agentCheckMessages(writer, answer, input)).toEqual([
      `signal.keywords "IPO" are not keywords of the brief's strongest signal (${SERIES_B_SIGNAL.summary}): use only "Series B", "$45M"`,
    ]);
  });
});

describe('email-writer prompt', () => {
  it('states the limits of prompts/rules/email-limits.json and points at the banned-phrase list', async () => {
    const prompt = await readFile(path.join(loadConfig({ BATON_MODEL: 'offline' }).promptsDir, 'email-writer.md'), 'utf8');
    const { limits } = rules;
    expect(prompt).toContain(`Every body is ${limits.maxBodyWords} words or fewer`);
    expect(prompt).toContain(`${limits.subject.maxWords} words or fewer and ${limits.subject.maxCharacters} characters or fewer`);
    expect(prompt).toContain('prompts/rules/banned-phrases.txt');
    for (const phrase of ['leverage', 'synergy', 'seamless', 'unlock', 'cutting-edge', 'game changer', 'just checking in', 'quick call', 'reach out']) {
      expect(rules.bannedPhrases).toContain(phrase);
      expect(prompt).toContain(phrase);
    }
  });
});
