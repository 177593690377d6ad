const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `2026-Q4`: calendar quarters, which is how the sample book and most comp plans count bookings. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** "$420K", "$1.2M": how a seller reads an amount. */
export function formatAmount(amount: number | null): string {
  if (amount === null) return 'no amount';
  if (Math.abs(amount) >= 1_000_000) return `$${Number((amount / 1_000_000).toFixed(1))}M`;
  return `$${Math.round(amount / 1_000)}K`;
}

/** 0.35 → "35%". */
export function formatPercent(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}
