'use client';

import { useState } from 'react';
import type { Incident, IncidentAction } from '@/lib/types';
import { formatAgo } from '@/lib/format';

/** Applies a runbook step's action; resolves to an error message, or null when it was applied. */
export type ApplyStep = (incidentId: string, step: number) => Promise<string | null>;

function resultTone(result: string | null): string {
  if (result === 'verified recovered') return 'tone-good';
  if (result === 'no effect') return 'tone-bad';
  return 'muted';
}

function Applied({ action, now }: { action: IncidentAction; now: number }) {
  const a = action.applied!;
  return (
    <span className="small" data-testid={`applied-step-${action.step}`}>
      {' '}
      <span className="badge tone-good">applied</span> {formatAgo(a.at, now)} by <code>{a.by}</code>: {action.endpoints.join(', ')}{' '}
      → <code>{action.to_model}</code> until {new Date(a.expires_at).toLocaleTimeString()} ·{' '}
      <span className={resultTone(a.result)}>
        {a.result ? `${a.result}${a.detail ? `: ${a.detail}` : ''}` : `re-evaluated at ${new Date(a.verify_at).toLocaleTimeString()}`}
      </span>
    </span>
  );
}

/** The runbook in order; a step the service can carry out has an Apply button, then its outcome. */
export function RunbookSteps({ incident, now, onApply }: { incident: Incident; now: number; onApply?: ApplyStep }) {
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = new Map((incident.actions ?? []).map((a) => [a.step, a]));
  const canApply = onApply && incident.status !== 'resolved';

  const apply = async (step: number) => {
    if (!onApply) return;
    setPending(step);
    setError(null);
    const failure = await onApply(incident.id, step);
    setPending(null);
    setError(failure);
  };

  return (
    <>
      <ol className="runbook">
        {incident.runbook.map((text, i) => {
          const action = actions.get(i + 1);
          return (
            <li key={i}>
              {text}
              {action?.applied && <Applied action={action} now={now} />}
              {action && !action.applied && canApply && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="apply"
                    data-testid={`apply-step-${action.step}`}
                    disabled={pending !== null}
                    onClick={() => void apply(action.step)}
                  >
                    {pending === action.step ? 'Applying…' : `Apply: ${action.endpoints.join(', ')} → ${action.to_model}`}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="tone-bad small" role="alert">
          Could not apply: {error}
        </p>
      )}
    </>
  );
}
