/**
 * An item's progress from its tasks' (stage 4 roll-up): the mean of their percentages, rounded down, so an item
 * shows 100 % only when every task is done; no tasks, 0. `allDone` says whether it can go to the residents.
 */
export function rollUp(percents: readonly number[]): { percent: number; allDone: boolean } {
  if (percents.length === 0) return { percent: 0, allDone: false };
  const sum = percents.reduce((a, b) => a + b, 0);
  return { percent: Math.floor(sum / percents.length), allDone: percents.every((p) => p === 100) };
}
