/**
 * Streak freezes: a challenge may let learners bank a "freeze" that covers one
 * missed date automatically, so a single bad day does not end a long streak.
 *
 * Rules:
 * - A freeze is earned with every `everyCountedDays`-th counted date of the attempt
 *   (the 7th, 14th, 21st … with 7), in date order.
 * - At most `maxBanked` freezes are kept; one earned while the bank is full is lost.
 * - A date of the attempt that is over without a counted entry (nothing logged, or
 *   minutes below the minimum) uses one banked freeze if there is one: it becomes
 *   FROZEN. A frozen date keeps the streak going but does not add to it, and is not
 *   missed. Freezes are spent oldest date first, as the dates pass.
 * - Today is never frozen: it is still open.
 * - `everyCountedDays` or `maxBanked` 0 turns freezes off (the strict challenge).
 */

/** How a challenge hands out freezes. */
export interface FreezePolicy {
  /** One freeze per this many counted dates; 0 = off. */
  everyCountedDays: number;
  /** Most freezes kept at once; 0 = off. */
  maxBanked: number;
}

/** No freezes: every missed date breaks the streak. */
export const strictPolicy: FreezePolicy = { everyCountedDays: 0, maxBanked: 0 };

/** True when the policy hands out freezes at all. */
export const freezesOn = (p: FreezePolicy) => p.everyCountedDays > 0 && p.maxBanked > 0;

/** Freeze totals of an attempt so far. */
export interface FreezeCount {
  /** Freezes put in the bank (lost ones, earned while it was full, not included). */
  earned: number;
  /** Freezes spent on missed dates. */
  used: number;
  /** Freezes in the bank now (earned - used). */
  banked: number;
}

/** What happened to the bank on one counted date. */
export type EarnResult = "EARNED" | "BANK_FULL" | "NONE";

/**
 * The freeze bank of one attempt, fed the dates in order. Mutable on purpose: the
 * attempt walk (streak.ts) asks it once per date.
 */
export class FreezeBank {
  private counted = 0;
  private readonly count: FreezeCount = { earned: 0, used: 0, banked: 0 };

  constructor(private readonly policy: FreezePolicy) {}

  /** Records a counted date; every `everyCountedDays`-th one earns a freeze if there is room. */
  countedDate(): EarnResult {
    this.counted++;
    if (!freezesOn(this.policy) || this.counted % this.policy.everyCountedDays !== 0) return "NONE";
    if (this.count.banked >= this.policy.maxBanked) return "BANK_FULL";
    this.count.earned++;
    this.count.banked++;
    return "EARNED";
  }

  /** Spends a freeze on a missed date; false when the bank is empty. */
  cover(): boolean {
    if (this.count.banked === 0) return false;
    this.count.banked--;
    this.count.used++;
    return true;
  }

  /** Totals so far. */
  totals(): FreezeCount {
    return { ...this.count };
  }
}
