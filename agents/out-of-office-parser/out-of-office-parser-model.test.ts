import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelRunner, type FakeModelRunner } from '../../test/support/fake-model-runner.js';
import { outOfOfficeParser } from './out-of-office-parser.js';

const TOOL = 'submit_out_of_office_parser';
let model: FakeModelRunner;
beforeAll(async () => {
  model = await startFakeModelRunner();
});
afterAll(() => model.close());

const context = {
  reply: { text: 'Out of office until March 4. Urgent? Write to ops@acme.example.' },
  receivedAt: '2026-02-20T10:00:00Z',
};
const reading = { returnDate: '2026-03-04', returnDateText: 'until March 4', alternateContact: 'ops@acme.example', confidence: 0.9 };

describe('out-of-office-parser with a real model (the SDK against the fake Messages API)', () => {
  it('validates the scripted reading on the fast tier and computes the follow-up in code, ignoring any the model offers', async () => {
    model.fake.script(TOOL, { reply: { ...reading, followUpAt: '2030-01-01T00:00:00Z' } });
    const result = await model.runner.run(outOfOfficeParser, context);
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ simulated: false, model: 'claude-haiku-5-5', calls: 1 });
    expect(result.output).toEqual({ returnDate: '2026-03-04', followUpAt: '2026-03-05T09:00:00.000Z', alternateContact: 'ops@acme.example', confidence: 0.9 });
  });

  it('repairs a reading with last year\'s date once, quoting the check', async () => {
    model.fake.script(TOOL, { reply: { ...reading, returnDate: '2025-03-04' } }, { reply: reading });
    const result = await model.runner.run(outOfOfficeParser, context);
    if (!result.ok) throw result.error;
    expect(result.calls).toBe(2);
    expect(model.repairText(TOOL)).toContain('- returnDate 2025-03-04 is before the notice arrived (2026-02-20): a return date is in the future; check the year');
    expect(result.output.followUpAt).toBe('2026-03-05T09:00:00.000Z');
  });
});
