import type { z } from 'zod';
import type { EffectContract } from '../contracts/effect-contract.js';
import { EFFECT_PREFIX, type EffectContext, type StepEffect } from '../engine/runtime/step-effects.js';
import { BatonError, formatZodIssues } from '../errors/index.js';

/**
 * An effect's implementation behind its contract: the input is parsed before it runs and the
 * output after, so a wrong hand-off fails the step naming the field instead of passing bad data on.
 */
export function bindEffect<Input extends z.ZodObject, Output extends z.ZodObject>(
  contract: EffectContract<Input, Output>,
  run: (input: z.output<Input>, context: EffectContext) => Promise<z.input<Output>>,
): Record<string, StepEffect> {
  const effect: StepEffect = {
    async run(raw, context) {
      const input = contract.input.safeParse(raw);
      if (!input.success) throw new BatonError('input_invalid', `${contract.name} input is invalid: ${formatZodIssues(input.error.issues)}`);
      const output = contract.output.safeParse(await run(input.data, context));
      if (!output.success) throw new BatonError('internal', `${contract.name} produced invalid output: ${formatZodIssues(output.error.issues)}`);
      return { kind: 'done', output: output.data };
    },
  };
  return { [`${EFFECT_PREFIX}${contract.name}`]: effect };
}
