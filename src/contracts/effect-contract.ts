import type { z } from 'zod';

/**
 * A side effect a workflow step performs without a model: publish an alert, read the CRM,
 * schedule a follow-up. The contract (name and schemas) lives here so workflows in agents/
 * can name it; src/main binds each name to an implementation.
 */
export interface EffectContract<Input extends z.ZodObject = z.ZodObject, Output extends z.ZodObject = z.ZodObject> {
  /** Dotted, noun-verb: `alert.request`, `crm.list_open_opportunities`. */
  readonly name: string;
  readonly description: string;
  readonly input: Input;
  readonly output: Output;
}

const EFFECT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function defineEffect<Input extends z.ZodObject, Output extends z.ZodObject>(contract: EffectContract<Input, Output>): EffectContract<Input, Output> {
  if (!EFFECT_NAME.test(contract.name)) throw new Error(`effect name "${contract.name}" must be dotted lower-case, like alert.request`);
  return Object.freeze(contract);
}
