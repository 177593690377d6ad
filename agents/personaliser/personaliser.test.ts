import { beforeAll, describe, expect, it } from 'vitest';
import { agentCheckMessages } from '../../test/support/agent-check-messages.js';
import { createOfflineRunner } from '../../test/support/offline-runner.js';
import type { EmailSequence } from '../contracts/email-sequence.js';
import type { AgentRunner } from '../runtime/run-agent.js';
import { personaliser } from './personaliser.js';
import { PersonalisationSchema, type Personalisation, type TokenValues } from './personaliser-schemas.js';

let runner: AgentRunner;
beforeAll(async () => {
  ({ runner } = await createOfflineRunner());
});

const sequence: EmailSequence = {
  emails: [
    { subject: 'Your Series B', body: 'Hi Dana, saw the Series B news at Northwind Logistics. Is ramp time on your radar?' },
    { subject: 'Ramp time', body: 'One more thought on ramping new hires quickly. Worth comparing notes?' },
    { subject: 'Last note', body: 'If this moves up the list at Northwind Logistics, should I check back next quarter?' },
  ],
  signal: { summary: 'Series B of $45M', keywords: ['Series B'] },
  confidence: 0.7,
};
const dana = { name: 'Dana Ortiz', title: 'VP Sales', email: 'dana.ortiz@northwind-logistics.com', company: 'Northwind Logistics' };
const ana = { name: 'Dr. Ana María López', title: 'CRO', email: 'ana@northwind-logistics.com', company: 'Northwind Logistics' };

async function personalise(contacts: unknown[]) {
  const result = await runner.run(personaliser, { sequence, contacts });
  if (!result.ok) throw result.error;
  return result;
}

function render(text: string, tokens: TokenValues): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => tokens[name as keyof TokenValues] ?? `<missing ${name}>`);
}

describe('personaliser in offline mode', () => {
  it('templates the sequence with {{first_name}} and {{company}} and fills them for every contact', async () => {
    const { output, simulated } = await personalise([dana, ana]);
    expect(simulated).toBe(true);
    expect(output.sequence.emails[0]?.body).toBe('Hi {{first_name}},\n\nsaw the Series B news at {{company}}. Is ramp time on your radar?');
    expect(output.sequence.emails[2]?.body).toContain('at {{company}}');
    expect(output.perContact.map((entry) => [entry.email, entry.tokens.first_name, entry.tokens.company])).toEqual([
      [dana.email, 'Dana', 'Northwind Logistics'],
      [ana.email, 'Ana', 'Northwind Logistics'],
    ]);
  });

  it('renders a complete email for every contact, with no token left over', async () => {
    const { output } = await personalise([dana, ana]);
    for (const entry of output.perContact) {
      for (const email of output.sequence.emails) expect(render(`${email.subject} ${email.body}`, entry.tokens)).not.toMatch(/[{}<]/);
    }
  });

  it('handles a contact with a single name by not inventing a last name', async () => {
    const { output } = await personalise([{ ...dana, name: 'Priya', email: 'priya@northwind-logistics.com' }]);
    expect(output.perContact[0]?.tokens).toMatchObject({ first_name: 'Priya', full_name: 'Priya' });
    expect(output.perContact[0]?.tokens.last_name).toBeUndefined();
  });

  it('answers in the declared format, keeping the three emails and the signal', async () => {
    const result = await personalise([dana]);
    expect(PersonalisationSchema.parse(result.output)).toEqual(result.output);
    expect(result.output.sequence.emails).toHaveLength(3);
    expect(result.output.sequence.signal).toEqual(sequence.signal);
    expect(result.confidence).toBe(result.output.confidence);
  });

  it('refuses more than 20 contacts before any model call', async () => {
    const contacts = Array.from({ length: 21 }, (_unused, index) => ({ ...dana, email: `rep${index}@northwind-logistics.com` }));
    const result = await runner.run(personaliser, { sequence, contacts });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('contacts: personalise at most 20 contacts per run');
  });
});

describe('personaliser checks', () => {
  const input = () => runner.prepareInput(personaliser, { sequence, contacts: [dana, ana] });
  const answer = (emails: EmailSequence['emails'], perContact: Personalisation['perContact']): Personalisation => ({ sequence: { ...sequence, emails }, perContact, confidence: 0.9 });
  const full = (email: string): Personalisation['perContact'][number] => ({ email, tokens: { first_name: 'A', company: 'N' } });

  it('names unknown tokens and stray braces, with the tokens allowed', () => {
    const emails = [{ subject: 'Hi {first_name}', body: 'Love {{favourite_color}}?' }, sequence.emails[1]!, sequence.emails[2]!];
    expect(agentCheckMessages(personaliser, answer(emails, [full(dana.email), full(ana.email)]), input())).toEqual([
      'email 1 subject has a stray brace: write tokens exactly as {{first_name}}',
      'email 1 body uses the unknown token {{favourite_color}}: use only {{first_name}}, {{last_name}}, {{full_name}}, {{title}}, {{company}}',
    ]);
  });

  it('names each contact missing a value for a token the sequence uses, and entries for strangers', () => {
    const emails = [{ subject: 'For {{company}}', body: 'Hi {{first_name}} {{last_name}}, worth a chat?' }, sequence.emails[1]!, sequence.emails[2]!];
    const perContact = [full(dana.email), { email: 'someone@else.example', tokens: {} }];
    expect(agentCheckMessages(personaliser, answer(emails, perContact), input())).toEqual([
      `contact ${dana.email} has no value for {{last_name}}, which the sequence uses: give one or remove the token`,
      `perContact has no entry for ${ana.email}: give every contact a value for company, first_name, last_name`,
      'perContact lists someone@else.example, who is not one of the contacts: remove the entry',
    ]);
  });

  it('refuses a changed signal and a sequence that is not three emails', () => {
    const changed = { ...answer(sequence.emails, [full(dana.email), full(ana.email)]), sequence: { ...sequence, signal: { summary: 'x', keywords: ['IPO'] } } };
    expect(agentCheckMessages(personaliser, changed, input())).toEqual(['sequence.signal must stay exactly as given: copy it from the input sequence']);
    const short = PersonalisationSchema.safeParse(answer(sequence.emails.slice(0, 2), [full(dana.email)]));
    expect(short.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual(['sequence.emails: a cold sequence has exactly 3 emails']);
  });
});
