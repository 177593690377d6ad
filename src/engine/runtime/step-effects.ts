/** What a step run by an effect (not an agent) gets to know about its run. */
export interface EffectContext {
  readonly runId: string;
  readonly traceId: string;
  readonly stepKey: string;
  /** Unique per step attempt: an effect keys its side effect by it so a redelivered job does it once. */
  readonly idempotencyKey: string;
}

export type EffectOutcome = { readonly kind: 'done'; readonly output: unknown } | { readonly kind: 'hold'; readonly until: number; readonly reason: string };

/** A side effect a workflow step performs through a port the composition root binds (the CRM's change sets). */
export interface StepEffect {
  run(input: unknown, context: EffectContext): Promise<EffectOutcome>;
}

export const EFFECT_PREFIX = 'effect:';
