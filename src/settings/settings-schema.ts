import { z } from 'zod';
import { TriggerSchema } from '../engine/triggers/index.js';
import { GovernanceSettingsSchema } from './governance-schema.js';
import { DefaultReviewPolicySchema, ReviewPoliciesSchema } from './review-policy-schema.js';
import { SchedulesSchema } from './schedule-schema.js';
import { SlackSettingsSchema } from './slack-settings-schema.js';
import { TimeZoneSchema } from './time-zone.js';

const BudgetsSchema = z.strictObject({
  runUsd: z.number().positive().default(5),
  dayUsd: z.number().positive().default(100),
  maxStepsPerRun: z.number().int().min(1).max(10_000).default(250),
  /** Where a budget day starts and ends. */
  timeZone: TimeZoneSchema.default('UTC'),
});

const BreakersSchema = z.strictObject({
  failureThreshold: z.number().int().min(1).default(5),
  cooldownMs: z.number().int().min(1_000).default(30_000),
});

/**
 * Worker settings. A worker killed mid-job (SIGKILL, OOM, lost host) stops renewing its lock;
 * the job expires after `lockDurationMs` and the next stalled check, every
 * `stalledIntervalMs`, puts it back in the queue: recovered within 6-9 s with these defaults,
 * against BullMQ's 30 s + 30 s. The lock is renewed every lockDuration / 2 = 3 s, which a live
 * worker easily keeps up with because steps await I/O rather than block the event loop; going
 * much lower would risk a busy but healthy worker losing its lock and the job running twice.
 * The price is two more Redis round trips every 3 s per worker.
 */
const QueuesSchema = z.strictObject({
  lockDurationMs: z.number().int().min(2_000).max(600_000).default(6_000),
  stalledIntervalMs: z.number().int().min(1_000).max(600_000).default(3_000),
  concurrency: z.number().int().min(1).max(256).default(4),
});

export const SettingsSchema = z.strictObject({
  /** JSON has no comments; `$comment` (JSON Schema's convention) is free text, here and in each entry. */
  $comment: z.string().optional(),
  budgets: BudgetsSchema.prefault({}),
  breakers: BreakersSchema.prefault({}),
  reviewPolicies: ReviewPoliciesSchema.default({}),
  defaultReviewPolicy: DefaultReviewPolicySchema.prefault({}),
  triggers: z.array(TriggerSchema).default([]),
  schedules: SchedulesSchema.default([]),
  queues: QueuesSchema.prefault({}),
  /** CRM write governance: confidence gate, hourly cap, conflicts, allow-lists, field rules, risk. */
  governance: GovernanceSettingsSchema.prefault({}),
  /** Slack: CRM users' Slack ids (owners' DMs, owner and manager reviewers) and who triages dead letters. */
  slack: SlackSettingsSchema.prefault({}),
  /** Per workflow, input fields filled in when a caller leaves them out: handle_reply's booking link and approved answers. */
  workflowDefaults: z
    .object({ $comment: z.string().optional() })
    .catchall(z.record(z.string(), z.unknown()))
    .transform(({ $comment: _comment, ...defaults }) => defaults as Record<string, Record<string, unknown>>)
    .default({}),
});

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

/** The parsed settings file, frozen: nothing may change policy behind the file's back. */
export type Settings = DeepReadonly<z.output<typeof SettingsSchema>>;
export type BudgetSettings = Settings['budgets'];
export type BreakerSettings = Settings['breakers'];
export type ReviewPolicy = Settings['defaultReviewPolicy'];
export type ScheduleSetting = Settings['schedules'][number];
export type QueueSettings = Settings['queues'];
export type GovernanceSettingsSection = Settings['governance'];
export type SlackSettings = Settings['slack'];

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_SETTINGS: Settings = deepFreeze(SettingsSchema.parse({}));
