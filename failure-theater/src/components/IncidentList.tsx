import type { Incident } from '@/lib/types';
import { formatAgo, formatCount, formatPercent, formatWithUnit, severityTone } from '@/lib/format';
import { IncidentTimeline } from './IncidentTimeline';
import { RunbookSteps, type ApplyStep } from './RunbookSteps';

function IncidentCard({ incident, now, expanded, onApply }: { incident: Incident; now: number; expanded: boolean; onApply?: ApplyStep }) {
  const ev = incident.evidence;
  const attr = incident.attribution;
  return (
    <li className="incident" data-testid="incident-item" data-incident-id={incident.id}>
      <div className="incident-head">
        <span className={`badge tone-${severityTone(incident.severity)}`}>{incident.severity}</span>
        <span className="badge">{incident.status}</span>
        <strong className="incident-title">{incident.title}</strong>
      </div>
      <p className="muted small">
        {incident.rule}
        {incident.scope?.endpoint ? ` · ${incident.scope.endpoint}` : ''}
        {incident.scope?.model ? ` · ${incident.scope.model}` : ''} · opened {formatAgo(incident.opened_at, now)} ·
        updated {formatAgo(incident.updated_at, now)}
        {incident.resolved_at ? ` · resolved ${formatAgo(incident.resolved_at, now)}` : ''}
      </p>
      <details open={expanded}>
        <summary>Evidence, attribution and runbook</summary>
        {ev && (
          <p>
            <strong>Evidence:</strong> {ev.statistic} of <code>{ev.metric}</code> ={' '}
            <strong>{formatWithUnit(ev.value, ev.unit)}</strong> against threshold {formatWithUnit(ev.threshold, ev.unit)}{' '}
            over {ev.window} ({formatCount(ev.requests, 'requests')})
            {ev.samples && ev.samples.length > 0 && (
              <>
                ; sample prompt ids:{' '}
                {ev.samples.slice(0, 3).map((s) => (
                  <code key={s.prompt_id} className="sample">
                    {s.prompt_id}
                  </code>
                ))}
              </>
            )}
          </p>
        )}
        {attr && (
          <div>
            <p>
              <strong>Attribution:</strong> {attr.summary} (confidence {formatPercent(attr.confidence, 0)})
            </p>
            {attr.causes?.length > 0 && (
              <ul className="causes">
                {attr.causes.map((c) => (
                  <li key={`${c.dimension}=${c.value}`}>
                    {c.dimension} = <code>{c.value}</code>: explains {formatPercent(c.explanatory_power, 0)} of the shift
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {incident.runbook?.length > 0 && (
          <>
            <p>
              <strong>Runbook</strong>
            </p>
            <RunbookSteps incident={incident} now={now} onApply={onApply} />
          </>
        )}
        <IncidentTimeline incident={incident} now={now} />
        {incident.links && Object.keys(incident.links).length > 0 && (
          <p className="small">
            {Object.entries(incident.links).map(([name, href]) => (
              <a key={name} href={href} target="_blank" rel="noreferrer" className="link">
                {name}
              </a>
            ))}
          </p>
        )}
      </details>
    </li>
  );
}

interface Props {
  open: Incident[] | null;
  recent: Incident[] | null;
  error: string | null;
  now: number;
  /** Carries out a runbook step's action; without it no Apply buttons are shown. */
  onApply?: ApplyStep;
}

/** Open incidents first (expanded), then the most recent others. */
export function IncidentList({ open, recent, error, now, onApply }: Props) {
  const openIds = new Set((open ?? []).map((i) => i.id));
  const others = (recent ?? []).filter((i) => !openIds.has(i.id));
  return (
    <section className="card" aria-labelledby="incidents-h">
      <h2 id="incidents-h">
        Incidents <span className="muted small">({formatCount(open?.length ?? null)} open)</span>
      </h2>
      {error && <p className="tone-bad">Could not load incidents: {error}</p>}
      {open === null && !error && <p className="muted">Loading…</p>}
      {open !== null && open.length === 0 && others.length === 0 && (
        <p className="muted" data-testid="no-incidents">
          No incidents. They open when a rule over the live window fires.
        </p>
      )}
      <ul className="incidents">
        {(open ?? []).map((i, n) => (
          <IncidentCard key={i.id} incident={i} now={now} expanded={n === 0} onApply={onApply} />
        ))}
      </ul>
      {others.length > 0 && (
        <>
          <h3>Recent</h3>
          <ul className="incidents">
            {others.map((i) => (
              <IncidentCard key={i.id} incident={i} now={now} expanded={false} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
