import { z } from 'zod';
import { WORKFLOW_NAME_PATTERN } from '../engine/triggers/index.js';
import { cronExpressionProblem } from './cron-expression.js';
import { TimeZoneSchema } from './time-zone.js';

/** Kebab-case, and so free of colons: BullMQ builds job ids as `repeat:<id>:<time>`. */
const SCHEDULE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const CronSchema = z.string().superRefine((expression, context) => {
  const problem = cronExpressionProblem(expression);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

/** Starts `workflow` with `input` whenever `cron` fires in `timeZone`. */
export const ScheduleSchema = z.strictObject({
  id: z.string().regex(SCHEDULE_ID_PATTERN, 'must be kebab-case, like deal-review-morning'),
  cron: CronSchema,
  /** Required: "06:00" means the team's morning, and guessing UTC would move it by hours. */
  timeZone: TimeZoneSchema,
  workflow: z.string().regex(WORKFLOW_NAME_PATTERN, 'must be a snake_case workflow name, like review_deals'),
  input: z.record(z.string(), z.unknown()).default({}),
  $comment: z.string().optional(),
});

/** Ids name BullMQ job schedulers, so two schedules with one id would silently become one. */
export const SchedulesSchema = z.array(ScheduleSchema).superRefine((schedules, context) => {
  const seen = new Map<string, number>();
  for (const [index, schedule] of schedules.entries()) {
    const first = seen.get(schedule.id);
    if (first === undefined) seen.set(schedule.id, index);
    else context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${schedule.id}" is already the id of schedules[${first}]` });
  }
});
