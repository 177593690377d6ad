/** The window the per-record cap counts writes over. */
export const WRITE_WINDOW_MS = 60 * 60 * 1_000;

/** When every slot is taken by a pending write (approved, not yet recorded), try again after this. */
const PENDING_RETRY_MS = 60 * 1_000;

export interface RateCapInput {
  /** When each write to the record in the last hour happened. */
  readonly recentWrites: readonly Date[];
  /** Writes approved and under way, not yet in the ledger: they take a slot too. */
  readonly pendingWrites: number;
  readonly maxWritesPerHour: number;
  readonly now: Date;
}

/** Whether one more write would pass the cap, and if not, when a slot frees. */
export function checkRateCap(input: RateCapInput): { readonly reached: false } | { readonly reached: true; readonly retryAt: Date; readonly used: number } {
  const windowStart = input.now.getTime() - WRITE_WINDOW_MS;
  const writes = input.recentWrites.map((at) => at.getTime()).filter((at) => at > windowStart).sort((a, b) => a - b);
  const used = writes.length + input.pendingWrites;
  if (used < input.maxWritesPerHour) return { reached: false };
  // The slot that frees first is the one taken by the oldest write; the next window starts when it ages out.
  const excess = used - input.maxWritesPerHour;
  const freesAt = writes[Math.min(excess, writes.length - 1)];
  return { reached: true, used, retryAt: new Date(freesAt === undefined ? input.now.getTime() + PENDING_RETRY_MS : freesAt + WRITE_WINDOW_MS) };
}
