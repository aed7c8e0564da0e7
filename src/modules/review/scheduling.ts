/**
 * Spaced-review scheduling with FSRS (ts-fsrs): the card state as stored, one
 * rating in, the next state and the review log out. Pure apart from ts-fsrs itself;
 * default FSRS parameters (90 % target retention, learning steps of 1 and 10 minutes).
 */
import { Rating, State, createEmptyCard, fsrs, type Card, type Grade } from "ts-fsrs";

/** The four answers a learner gives. */
export type ReviewRating = "again" | "hard" | "good" | "easy";
/** Every rating, from worst to best recall. */
export const reviewRatings: readonly ReviewRating[] = ["again", "hard", "good", "easy"];

/** A card's FSRS state as the database keeps it. */
export type CardState = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

/** The scheduling columns of a ReviewCard row. */
export interface Schedule {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: Date | null;
}

/** The review log of one answer (the card as it was before it). */
export interface ScheduleLog {
  rating: ReviewRating;
  state: CardState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

const grades: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const states: Record<State, CardState> = { [State.New]: "NEW", [State.Learning]: "LEARNING", [State.Review]: "REVIEW", [State.Relearning]: "RELEARNING" };
const fromState: Record<CardState, State> = { NEW: State.New, LEARNING: State.Learning, REVIEW: State.Review, RELEARNING: State.Relearning };

const scheduler = fsrs();

/** The schedule of a new card, due at once. */
export function newSchedule(now: Date): Schedule {
  return fromCard(createEmptyCard(now));
}

/** The next schedule after answering `rating` at `now`, with its review log. */
export function answer(schedule: Schedule, rating: ReviewRating, now: Date): { schedule: Schedule; log: ScheduleLog } {
  const { card, log } = scheduler.next(toCard(schedule), now, grades[rating]);
  return {
    schedule: fromCard(card),
    log: {
      rating,
      state: states[log.state],
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      reviewedAt: log.review,
    },
  };
}

function toCard(s: Schedule): Card {
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: fromState[s.state],
    ...(s.lastReview ? { last_review: s.lastReview } : {}),
  };
}

function fromCard(c: Card): Schedule {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: states[c.state],
    lastReview: c.last_review ?? null,
  };
}
