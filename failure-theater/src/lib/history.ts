/** The chart's rolling series: one point per poll, null when the service had no score (or no answer). */
export interface ScorePoint {
  t: number;
  score: number | null;
}

export const HISTORY_SECONDS = 120;

export function appendPoint(history: ScorePoint[], point: ScorePoint, keepSeconds = HISTORY_SECONDS): ScorePoint[] {
  const cutoff = point.t - keepSeconds * 1000;
  return [...history.filter((p) => p.t >= cutoff && p.t < point.t), point];
}
