import type { HealthScore } from '@/lib/types';
import { formatAgo, formatScore, statusLabel, statusTone } from '@/lib/format';
import { StatusCapNote } from './StatusCapNote';

/** The composite score as the service computed it, with its status and the window it covers. */
export function ScoreCard({ health, now }: { health: HealthScore | null; now: number }) {
  if (!health) {
    return (
      <section className="card score-card" aria-labelledby="score-h">
        <h2 id="score-h">Health score</h2>
        <p className="muted">Waiting for the first answer from GET /insights/health-score…</p>
      </section>
    );
  }
  const tone = statusTone(health.status);
  return (
    <section className="card score-card" aria-labelledby="score-h">
      <h2 id="score-h">Health score</h2>
      <p className={`score tone-${tone}`}>
        <span data-testid="health-score">{formatScore(health.health_score)}</span>
        {health.health_score !== null && <span className="unit"> / 100</span>}
      </p>
      <p>
        <span className={`badge tone-${tone}`} data-testid="health-status">
          {statusLabel(health.status)}
        </span>
      </p>
      <StatusCapNote health={health} />
      {health.health_score === null && (
        <p className="muted">No LLM calls in the last {health.window}: nothing to score yet. Send normal traffic.</p>
      )}
      <p className="muted small">
        window {health.window} · computed {formatAgo(health.generated_at, now)}
      </p>
    </section>
  );
}
