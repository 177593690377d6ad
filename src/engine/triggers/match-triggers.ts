import { BatonError } from '../../errors/index.js';
import type { DomainEvent } from './domain-event.js';
import { lookupPath } from './dotted-path.js';
import type { Trigger } from './trigger-schema.js';

export interface TriggerMatch {
  readonly workflow: string;
  readonly input: unknown;
  readonly trigger: Trigger;
  /** The trigger's position in the settings file: part of the run's idempotency key. */
  readonly index: number;
}

/**
 * The workflows `event` starts, with their inputs. All or nothing: when any matching trigger's
 * input mapping names a path the event lacks, it throws one error naming every such trigger
 * and path, so an event never starts half of what it should.
 */
export function matchTriggers(triggers: readonly Trigger[], event: DomainEvent): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  const problems: string[] = [];
  for (const [index, trigger] of triggers.entries()) {
    if (trigger.event !== event.type || !filtersHold(trigger, event)) continue;
    const mapped = mapInput(trigger, event);
    if (mapped.problems.length > 0) problems.push(...mapped.problems.map((problem) => `${describeTrigger(trigger, index)}: ${problem}`));
    else matches.push({ workflow: trigger.workflow, input: mapped.input, trigger, index });
  }
  if (problems.length > 0) {
    throw new BatonError('input_invalid', `Event ${event.id} (${event.type}) cannot start its workflows: ${problems.join('; ')}`, {
      details: { eventId: event.id, eventType: event.type, problems },
    });
  }
  return matches;
}

function filtersHold(trigger: Trigger, event: DomainEvent): boolean {
  return Object.entries(trigger.when ?? {}).every(([path, expected]) => {
    const found = lookupPath(event, path);
    return found.found && found.value === expected;
  });
}

function mapInput(trigger: Trigger, event: DomainEvent): { input: unknown; problems: string[] } {
  if (trigger.input === undefined) return { input: event.data, problems: [] };
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [field, path] of Object.entries(trigger.input)) {
    const found = lookupPath(event, path);
    if (found.found) input[field] = found.value;
    else problems.push(`input.${field} maps to "${path}", but the event has no "${found.missing}"`);
  }
  return { input, problems };
}

function describeTrigger(trigger: Trigger, index: number): string {
  return `triggers[${index}] (${trigger.event} → ${trigger.workflow})`;
}
