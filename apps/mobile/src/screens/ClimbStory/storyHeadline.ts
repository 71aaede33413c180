import type { ClimbStoryTry } from '@sendlog/rules';

export interface StoryHeadline {
  /** The moment of the first try; null when the climber never tried the climb. */
  firstTried: string | null;
  /** The moment of the first send; null when not sent yet. */
  firstSent: string | null;
  tries: number;
  attempts: number;
  sends: number;
}

/** What the top of a climb's story says, from its tries newest first (as `climbStory` gives). */
export function storyHeadline(tries: readonly ClimbStoryTry[]): StoryHeadline {
  const oldestFirst = [...tries].reverse();
  return {
    firstTried: oldestFirst[0]?.date ?? null,
    firstSent: oldestFirst.find((t) => t.isSuccess)?.date ?? null,
    tries: tries.length,
    attempts: tries.reduce((n, t) => n + t.attempts, 0),
    sends: tries.filter((t) => t.isSuccess).length,
  };
}

/** "Flash", "Repeat", "Sent" or "Not sent": one try's result. */
export function tryResult(t: ClimbStoryTry): string {
  if (t.isFlash) return 'Flash';
  if (t.isRepeat) return 'Repeat';
  return t.isSuccess ? 'Sent' : 'Not sent';
}
