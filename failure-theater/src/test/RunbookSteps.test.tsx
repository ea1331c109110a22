import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { IncidentTimeline } from '@/components/IncidentTimeline';
import { RunbookSteps } from '@/components/RunbookSteps';
import type { Incident, IncidentAction } from '@/lib/types';

const now = Date.parse('2026-11-28T10:05:00Z');
const action: IncidentAction = {
  step: 1, kind: 'switch_model', endpoints: ['/reason'], from_model: 'gemini-2.5-pro', to_model: 'gemini-2.5-flash', applied: null,
};
const incident: Incident = {
  id: 'inc-1', rule: 'latency_slo', title: 'p95 latency on /reason is 5,210 ms, SLO 3,000 ms', severity: 'SEV-2',
  status: 'open', scope: { endpoint: '/reason', model: null }, opened_at: '2026-11-28T10:00:00Z',
  updated_at: '2026-11-28T10:04:00Z', resolved_at: null, evidence: null, attribution: null,
  runbook: ['Switch /reason from gemini-2.5-pro to gemini-2.5-flash', 'Open the sample traces'],
  links: null, timeline: [{ at: '2026-11-28T10:00:00Z', kind: 'opened', message: 'p95 latency on /reason' }],
  actions: [action],
};

describe('RunbookSteps', () => {
  it('offers Apply only on the step with an action and passes the incident and step', async () => {
    const onApply = vi.fn().mockResolvedValue(null);
    render(<RunbookSteps incident={incident} now={now} onApply={onApply} />);

    expect(screen.getAllByRole('button')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('apply-step-1'));

    await waitFor(() => expect(onApply).toHaveBeenCalledWith('inc-1', 1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says why when applying fails', async () => {
    render(<RunbookSteps incident={incident} now={now} onApply={vi.fn().mockResolvedValue('already applied')} />);
    fireEvent.click(screen.getByTestId('apply-step-1'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not apply: already applied');
  });

  it('shows an applied step with its re-evaluation instead of the button', () => {
    const applied: Incident = {
      ...incident,
      actions: [{ ...action, applied: { at: '2026-11-28T10:01:00Z', by: 'addr:127.0.0.1', override_ids: ['ovr-1'],
        expires_at: '2026-11-28T10:31:00Z', verify_at: '2026-11-28T10:06:00Z', result: 'verified recovered',
        verified_at: '2026-11-28T10:06:00Z', detail: 'latency_slo clear since the action (40 calls on /reason)' } }],
    };
    render(<RunbookSteps incident={applied} now={now} onApply={vi.fn()} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('applied-step-1')).toHaveTextContent('verified recovered: latency_slo clear since the action');
  });

  it('shows no Apply button on a resolved incident or without a handler', () => {
    const { rerender } = render(<RunbookSteps incident={{ ...incident, status: 'resolved' }} now={now} onApply={vi.fn()} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    rerender(<RunbookSteps incident={incident} now={now} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('IncidentTimeline', () => {
  it('lists the entries with their kind', () => {
    render(<IncidentTimeline incident={incident} now={now} />);
    expect(screen.getByTestId('incident-timeline')).toHaveTextContent('opened');
    expect(screen.getByTestId('incident-timeline')).toHaveTextContent('p95 latency on /reason');
  });
});
