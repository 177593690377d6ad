/**
 * Checks cron expressions before they reach BullMQ, so a typo in the settings file is reported
 * at start with its JSON path instead of surfacing later as a scheduler that never fires.
 * The grammar follows cron-parser, which BullMQ's job schedulers use: 5 fields, or 6 with
 * seconds first; `*`, `?`, lists, ranges, steps, month and weekday names, and `L`, `W`, `#`.
 */

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Forms beyond number/range/step that only this field accepts. */
  readonly special?: RegExp;
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const SECOND: CronField = { name: 'second', min: 0, max: 59 };
const FIVE_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, special: /^(L(-\d{1,2})?|LW|\d{1,2}W)$/ },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, special: /^(L|[0-7]L|[0-7]#[1-5])$/ },
];

const ITEM = /^(\*|\?|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/;

/** Why `expression` is not a valid cron expression, or undefined when it is. */
export function cronExpressionProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  const quoted = JSON.stringify(expression);
  if (parts.length !== 5 && parts.length !== 6) return `${quoted} is not a valid cron expression (5 or 6 fields)`;
  const fields = parts.length === 6 ? [SECOND, ...FIVE_FIELDS] : FIVE_FIELDS;
  for (const [index, field] of fields.entries()) {
    const text = parts[index] ?? '';
    const problem = text.split(',').map((item) => itemProblem(item, field)).find((found) => found !== undefined);
    if (problem !== undefined) return `${quoted} is not a valid cron expression: ${field.name} ${JSON.stringify(text)} ${problem}`;
  }
  return undefined;
}

function itemProblem(item: string, field: CronField): string | undefined {
  if (field.special?.test(item.toUpperCase()) === true) return undefined;
  const match = ITEM.exec(item);
  if (match === null) return 'is not a number, range, list or step';
  const [, base = '', step] = match;
  if (step !== undefined && Number(step) < 1) return 'has a step below 1';
  if (base === '*' || base === '?') return undefined;
  const bounds = base.split('-').map((value) => valueOf(value, field));
  if (bounds.some((value) => value === undefined)) return `must be within ${field.min}-${field.max}${namesHint(field)}`;
  const [low = 0, high = low] = bounds as number[];
  return low <= high ? undefined : `has a range that runs backwards`;
}

function valueOf(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value >= field.min && value <= field.max ? value : undefined;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index < 0) return undefined;
  return field.min === 0 ? index : index + field.min;
}

function namesHint(field: CronField): string {
  return field.names === undefined ? '' : ` or ${field.names[0] ?? ''}-${field.names.at(-1) ?? ''}`;
}
