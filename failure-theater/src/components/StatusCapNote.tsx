import type { HealthScore } from '@/lib/types';
import { formatScore, severityTone, statusLabel } from '@/lib/format';

const burn = (v: number | null | undefined) => (typeof v === 'number' ? `${formatScore(v)}×` : '—');

/**
 * Why the status is what it is when the score alone would say otherwise: the open incident that caps it
 * (SEV-1 critical, else at most degraded), and the SLO burn rates behind the score's SLO component.
 */
export function StatusCapNote({ health }: { health: HealthScore }) {
  const cap = health.capped_by;
  const burnt = health.slo_burn;
  return (
    <>
      {cap && (
        <p className="status-cap" data-testid="status-cap">
          <span className={`badge tone-${severityTone(cap.severity)}`}>{cap.severity}</span>
          {statusLabel(health.status)} while this incident is open
          {cap.endpoint || cap.model ? ` (on ${[cap.endpoint, cap.model].filter(Boolean).join(', ')})` : ''}:{' '}
          <span data-testid="status-cap-title">{cap.title}</span> <code className="muted">{cap.id}</code>
        </p>
      )}
      {burnt && (
        <p className="muted small" data-testid="slo-burn">
          SLO burn: latency {burn(burnt.latency)}, availability {burn(burnt.availability)} (above 1× the objective
          is breached)
        </p>
      )}
    </>
  );
}
