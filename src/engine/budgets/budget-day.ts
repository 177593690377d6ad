/** The day a daily budget covers: its local date (the ledger key) and the instant it began. */
export interface BudgetDay {
  /** `YYYY-MM-DD` in the configured time zone. */
  readonly date: string;
  /** Local midnight as a UTC ISO string, for the store's "spent since" query. */
  readonly startIso: string;
  readonly timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // h23, because en-US with hour12 off can print midnight as 24.
    const fields = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...fields });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`, read back as if it were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const field = (name: string): number => parts[name] ?? 0;
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClockAsUtc(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

export function budgetDayOf(instant: number, timeZone: string): BudgetDay {
  const wallClock = new Date(wallClockAsUtc(instant, timeZone));
  const date = wallClock.toISOString().slice(0, 10);
  const midnight = Date.parse(`${date}T00:00:00.000Z`);
  // The offset now is a first guess at the offset at midnight; a daylight-saving change since
  // midnight makes it wrong by an hour, which the second reading corrects.
  const guess = midnight - offsetAt(instant, timeZone);
  return { date, startIso: new Date(midnight - offsetAt(guess, timeZone)).toISOString(), timeZone };
}
