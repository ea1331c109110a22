import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IncidentList } from '@/components/IncidentList';
import type { Incident } from '@/lib/types';

const now = Date.parse('2026-11-28T10:05:00Z');
const base: Incident = {
  id: 'inc-1', rule: 'cost_spike', title: 'Cost per request on /stress is 4.2× its baseline', severity: 'SEV-2',
  status: 'open', scope: { endpoint: '/stress', model: 'gemini-2.5-pro' }, opened_at: '2026-11-28T10:04:30Z',
  updated_at: '2026-11-28T10:04:55Z', resolved_at: null,
  evidence: { metric: 'llm.cost.usd', statistic: 'mean', value: 0.0123, threshold: 0.003, unit: 'usd', window: '2m', requests: 40,
    samples: [{ prompt_id: 'p-1', trace_id: null }] },
  attribution: { summary: 'model gemini-2.5-pro explains the shift', confidence: 0.8,
    causes: [{ dimension: 'model', value: 'gemini-2.5-pro', explanatory_power: 0.8, surprise: 0.4 }] },
  runbook: ['Lower max output tokens on /stress', 'Route /stress to gemini-2.5-flash'],
  links: { dashboard: 'https://app.datadoghq.com/dashboard/x' }, timeline: [],
};

describe('IncidentList', () => {
  it('shows evidence in its unit, attribution causes as percentages and the runbook in order', () => {
    render(<IncidentList open={[base]} recent={[base]} error={null} now={now} />);
    const item = screen.getByTestId('incident-item');
    expect(within(item).getByText('$0.0123')).toBeInTheDocument();
    expect(within(item).getByText(/against threshold \$0.00300 over 2m \(40 requests\)/)).toBeInTheDocument();
    expect(within(item).getByText(/confidence 80 %/)).toBeInTheDocument();
    expect(within(item).getByText(/explains 80 % of the shift/)).toBeInTheDocument();
    expect(within(item).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      expect.arrayContaining(['Lower max output tokens on /stress', 'Route /stress to gemini-2.5-flash']),
    );
    expect(within(item).getByText(/opened 30 s ago/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'dashboard' })).toHaveAttribute('href', 'https://app.datadoghq.com/dashboard/x');
    expect(screen.getAllByTestId('incident-item')).toHaveLength(1);
  });

  it('lists resolved incidents under Recent and says when there are none', () => {
    const resolved = { ...base, id: 'inc-2', status: 'resolved', resolved_at: '2026-11-28T10:04:00Z' };
    const { rerender } = render(<IncidentList open={[]} recent={[resolved]} error={null} now={now} />);
    expect(screen.getByRole('heading', { name: 'Recent' })).toBeInTheDocument();
    expect(screen.getByText(/resolved 1 min ago/)).toBeInTheDocument();
    rerender(<IncidentList open={[]} recent={[]} error={null} now={now} />);
    expect(screen.getByTestId('no-incidents')).toBeInTheDocument();
  });
});
