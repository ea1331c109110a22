import type { Incident } from '@/lib/types';
import { formatAgo } from '@/lib/format';

/** What happened to an incident, oldest first: opened, updates, applied actions, their checks. */
export function IncidentTimeline({ incident, now }: { incident: Incident; now: number }) {
  if (!incident.timeline?.length) return null;
  return (
    <>
      <p>
        <strong>Timeline</strong>
      </p>
      <ul className="timeline" data-testid="incident-timeline">
        {incident.timeline.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            <span className="muted small">{formatAgo(e.at, now)}</span> <span className="badge">{e.kind}</span> {e.message}
          </li>
        ))}
      </ul>
    </>
  );
}
