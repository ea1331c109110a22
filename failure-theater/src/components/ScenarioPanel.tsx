import type { Incident } from '@/lib/types';
import { SCENARIOS, type RunSummary, type ScenarioDef } from '@/lib/scenarios';
import { formatCount, formatMs, formatScore, formatUsd } from '@/lib/format';

export interface ScenarioRun {
  def: ScenarioDef;
  startedAt: number;
  done: number;
  scoreBefore: number | null;
  incidentIdsBefore: string[];
  summary: RunSummary | null;
  scoreAfter: number | null | undefined;
}

interface Props {
  run: ScenarioRun | null;
  scoreNow: number | null;
  newIncidents: Incident[];
  disabled: boolean;
  onRun: (def: ScenarioDef) => void;
}

function Statuses({ statuses }: { statuses: Record<string, number> }) {
  return (
    <span data-testid="scenario-statuses">
      {Object.entries(statuses)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => (
          <span key={status} className={`badge ${status.startsWith('2') ? 'tone-good' : 'tone-warn'}`}>
            HTTP {status} × {n}
          </span>
        ))}
    </span>
  );
}

function LastRun({ run, scoreNow, newIncidents }: { run: ScenarioRun; scoreNow: number | null; newIncidents: Incident[] }) {
  const example = run.def.build(0);
  const s = run.summary;
  return (
    <div className="last-run" data-testid="scenario-result" aria-live="polite">
      <h3>
        Last scenario: {run.def.label} {s ? '(finished)' : `(running: ${run.done} of ${run.def.count} answered)`}
      </h3>
      <p className="small">
        Sent {formatCount(run.def.count, 'requests')} ({run.def.concurrency} at a time) to{' '}
        {(s?.paths ?? [example.path]).map((p) => (
          <code key={p}>POST {p}</code>
        ))}
      </p>
      <details>
        <summary>Example request body</summary>
        <pre>{JSON.stringify(example.body, null, 2)}</pre>
      </details>
      <dl className="effect">
        <div>
          <dt>Score before → after → now</dt>
          <dd>
            <span data-testid="score-before">{formatScore(run.scoreBefore)}</span> →{' '}
            <span data-testid="score-after">{run.scoreAfter === undefined ? '…' : formatScore(run.scoreAfter)}</span> →{' '}
            {formatScore(scoreNow)} <span className="muted">(0–100)</span>
          </dd>
        </div>
        {s && (
          <>
            <div>
              <dt>Responses</dt>
              <dd>
                <Statuses statuses={s.statuses} />
              </dd>
            </div>
            <div>
              <dt>Latency seen by the page</dt>
              <dd>
                p50 {formatMs(s.p50Ms)} · p95 {formatMs(s.p95Ms)}
              </dd>
            </div>
            <div>
              <dt>Tokens · cost (from response metadata)</dt>
              <dd>
                {formatCount(s.inputTokens, 'in')} / {formatCount(s.outputTokens, 'out')} tokens · {formatUsd(s.costUsd)}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>Incidents opened since the start</dt>
          <dd data-testid="scenario-new-incidents">
            {newIncidents.length === 0 ? 'none yet' : newIncidents.map((i) => i.title).join('; ')}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The buttons that drive real traffic, and what the last one did. */
export function ScenarioPanel({ run, scoreNow, newIncidents, disabled, onRun }: Props) {
  const running = run !== null && run.summary === null;
  return (
    <section className="card" aria-labelledby="scenarios-h">
      <h2 id="scenarios-h">Failure scenarios</h2>
      <p className="muted small">Each button sends real requests from this page through the public API.</p>
      <div className="buttons">
        {SCENARIOS.map((def) => (
          <button
            key={def.id}
            type="button"
            className={`scenario scenario-${def.id}`}
            data-testid={`scenario-${def.id}`}
            disabled={disabled || running}
            aria-busy={running && run?.def.id === def.id}
            onClick={() => onRun(def)}
            title={def.description}
          >
            {def.label}
            <span className="small muted"> · {def.count} req</span>
          </button>
        ))}
      </div>
      {run && <LastRun run={run} scoreNow={scoreNow} newIncidents={newIncidents} />}
    </section>
  );
}
