import { describe, expect, it } from 'vitest';
import { BatonError } from '../../errors/index.js';
import { DomainEventSchema, type DomainEvent } from './domain-event.js';
import { lookupPath } from './dotted-path.js';
import { matchTriggers } from './match-triggers.js';
import { TriggerSchema, type Trigger } from './trigger-schema.js';

const leadCreated = DomainEventSchema.parse({
  id: 'evt-1',
  type: 'lead.created',
  data: { lead: { email: 'ana@northwind.test', source: 'inbound', score: 80, contacts: [{ email: 'ops@northwind.test' }] } },
  traceId: 'trace-1',
});

const triggers: Trigger[] = [
  { event: 'lead.created', workflow: 'research_account', input: { lead: 'data.lead', eventId: 'id' }, when: { 'data.lead.source': 'inbound' } },
  { event: 'lead.created', workflow: 'score_lead' },
  { event: 'reply.received', workflow: 'handle_reply' },
  { event: 'lead.created', workflow: 'notify_owner', when: { 'data.lead.score': 90 } },
];

describe('matchTriggers', () => {
  it('starts every matching workflow with its mapped input, in settings order', () => {
    const matches = matchTriggers(triggers, leadCreated);
    expect(matches.map((match) => [match.workflow, match.index])).toEqual([
      ['research_account', 0],
      ['score_lead', 1],
    ]);
    expect(matches[0]?.input).toEqual({ lead: (leadCreated.data as { lead: unknown }).lead, eventId: 'evt-1' });
    expect(matches[0]?.trigger).toBe(triggers[0]);
  });

  it('passes the event data as the input when a trigger maps nothing', () => {
    expect(matchTriggers(triggers, leadCreated)[1]?.input).toBe(leadCreated.data);
  });

  it('starts nothing when a when-filter does not hold or its path is missing', () => {
    const outbound = { ...leadCreated, data: { lead: { email: 'x@y.test', source: 'outbound' } } };
    expect(matchTriggers([triggers[0]!], outbound)).toEqual([]);
    expect(matchTriggers([triggers[0]!], { ...leadCreated, data: {} })).toEqual([]);
    expect(matchTriggers(triggers, { ...leadCreated, type: 'deal.closed' })).toEqual([]);
  });

  it('compares filter values strictly, so "80" does not equal 80', () => {
    const trigger: Trigger = { event: 'lead.created', workflow: 'score_lead', when: { 'data.lead.score': '80' } };
    expect(matchTriggers([trigger], leadCreated)).toEqual([]);
    expect(matchTriggers([{ ...trigger, when: { 'data.lead.score': 80 } }], leadCreated)).toHaveLength(1);
  });

  it('names the trigger and the path when an input mapping cannot be resolved, and starts nothing', () => {
    const broken: Trigger[] = [
      { event: 'lead.created', workflow: 'score_lead' },
      { event: 'lead.created', workflow: 'enrich_lead', input: { company: 'data.lead.company.domain' } },
    ];
    const error = catchError(() => matchTriggers(broken, leadCreated));
    expect(error.code).toBe('input_invalid');
    expect(error.message).toBe(
      'Event evt-1 (lead.created) cannot start its workflows: triggers[1] (lead.created → enrich_lead): ' +
        'input.company maps to "data.lead.company.domain", but the event has no "data.lead.company"',
    );
    expect(error.details['problems']).toHaveLength(1);
  });
});

describe('lookupPath', () => {
  it('follows objects and array indexes, and never prototypes', () => {
    expect(lookupPath(leadCreated, 'data.lead.contacts.0.email')).toEqual({ found: true, value: 'ops@northwind.test' });
    expect(lookupPath(leadCreated, 'data.constructor')).toEqual({ found: false, missing: 'data.constructor' });
    expect(lookupPath({ a: null }, 'a')).toEqual({ found: true, value: null });
    expect(lookupPath({ a: null }, 'a.b')).toEqual({ found: false, missing: 'a.b' });
  });
});

describe('DomainEventSchema', () => {
  it('gives an event a UUID and a time when the publisher leaves them out', () => {
    const event: DomainEvent = DomainEventSchema.parse({ type: 'reply.received', data: { text: 'hi' } });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
  });

  it('refuses types that are not noun.verb and ids BullMQ cannot use', () => {
    const result = DomainEventSchema.safeParse({ id: 'a:b', type: 'LeadCreated', data: {}, occurredAt: 'yesterday' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['id', 'type', 'occurredAt']);
    expect(DomainEventSchema.safeParse({ id: '42', type: 'lead.created', data: {} }).success).toBe(false);
  });
});

describe('TriggerSchema', () => {
  it('refuses mappings that are not dotted paths and workflows that are not snake_case', () => {
    const result = TriggerSchema.safeParse({ event: 'lead.created', workflow: 'Research-Account', input: { lead: 'data..lead' } });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'workflow: must be a snake_case workflow name, like research_account',
      'input.lead: must be a dotted path into the event, like data.lead.email',
    ]);
  });
});

function catchError(work: () => unknown): BatonError {
  try {
    work();
  } catch (error) {
    if (error instanceof BatonError) return error;
    throw error;
  }
  throw new Error('expected a BatonError');
}
