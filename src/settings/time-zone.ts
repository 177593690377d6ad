import { z } from 'zod';

/** IANA names only (`Europe/Berlin`, `UTC`): offsets such as `+01:00` pass Intl but not cron-parser. */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** True when the runtime knows `name` as a time zone; Intl is the same table schedulers use. */
export function isTimeZone(name: string): boolean {
  if (!IANA_SHAPE.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, { error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone, like Europe/Berlin or UTC` });
