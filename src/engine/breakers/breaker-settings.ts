import { z } from 'zod';
import { BatonError } from '../../errors/index.js';

export const BreakerSettingsSchema = z.object({
  failureThreshold: z.number().int().min(1).default(5),
  cooldownMs: z.number().int().min(0).default(30_000),
  /**
   * How long one half-open probe holds the breaker. Longer than a model call's default time
   * limit, so a slow probe is not joined by a second; short enough that a crashed worker's
   * probe frees the breaker within a minute.
   */
  probeLeaseMs: z.number().int().min(1).default(60_000),
  /** How long callers wait while a probe is out, so they notice its success soon. */
  probeWaitMs: z.number().int().min(1).default(1_000),
});

export type BreakerSettings = z.output<typeof BreakerSettingsSchema>;
export type BreakerSettingsInput = z.input<typeof BreakerSettingsSchema>;

export function parseBreakerSettings(input: BreakerSettingsInput = {}): BreakerSettings {
  const result = BreakerSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `breakers.${issue.path.join('.')}: ${issue.message}`);
  throw new BatonError('config_invalid', `Invalid circuit breaker settings in baton.config.json: ${problems.join('; ')}`, {
    details: { problems },
  });
}
