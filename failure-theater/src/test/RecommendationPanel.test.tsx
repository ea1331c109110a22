import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecommendationPanel, pickTop, type RecommendationItem } from '@/components/RecommendationPanel';
import type { FetchLike } from '@/lib/api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const cap: RecommendationItem = {
  id: 'opt-1',
  title: 'Cap answers on /stress at 64 tokens',
  category: 'output_cap',
  description: '70% of the output tokens on /stress lie beyond the 95th percentile.',
  status: 'pending',
  source: 'generated',
  endpoint: '/stress',
  monthly_savings: { usd: 12.5, low_usd: 9.1, high_usd: 15.2 },
  confidence: 0.93,
  control: { type: 'max_tokens', endpoint: '/stress', value: '64' },
  implemented_at: null,
};

describe('RecommendationPanel', () => {
  it('picks the open recommendation with the largest monthly saving', () => {
    const small = { ...cap, id: 'opt-2', monthly_savings: { usd: 1, low_usd: 0.5, high_usd: 2 } };
    expect(pickTop([small, cap])?.id).toBe('opt-1');
    expect(pickTop([{ ...cap, status: 'expired' }])).toBeNull();
  });

  it('implements the top recommendation and then keeps showing its measured result', async () => {
    let implemented = false;
    const posted: string[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      if (init?.method === 'POST') {
        posted.push(`${url} ${init.body}`);
        implemented = true;
        return json(200, { id: 'opt-1', status: 'implemented', control_applied: true });
      }
      if (url === '/optimization/recommendations')
        return json(
          200,
          implemented
            ? [
                { ...cap, status: 'implemented', implemented_at: '2026-12-07T10:00:00Z' },
                { ...cap, id: 'opt-2', title: 'A larger open one', monthly_savings: { usd: 99, low_usd: 90, high_usd: 110 } },
              ]
            : [cap],
        );
      return json(200, {
        roi: {
          window: '30m',
          before: { requests: 40 },
          after: { requests: 42 },
          cost_per_request_change: { usd: -0.00012, low_usd: -0.00015, high_usd: -0.00009 },
          realised_monthly: { usd: 10.2, low_usd: 7.7, high_usd: 12.9 },
          reason: null,
        },
      });
    };
    render(<RecommendationPanel apiKey={null} fetchImpl={fetchImpl} pollMs={60_000} />);

    await waitFor(() => expect(screen.getByText('Cap answers on /stress at 64 tokens')).toBeTruthy());
    expect(screen.getByTestId('top-recommendation').textContent).toContain('$12.50 (95 %: $9.10 to $15.20)');
    expect(screen.getByTestId('top-recommendation').textContent).toContain('confidence 93 %');
    fireEvent.click(screen.getByRole('button', { name: 'Implement' }));

    await waitFor(() => expect(screen.getByTestId('measured-result')).toBeTruthy());
    expect(posted).toEqual(['/optimization/recommendations/opt-1/implement {"implemented_by":"failure-theater"}']);
    expect(screen.getByTestId('measured-result').textContent).toContain('Applied: max_tokens 64 on /stress');
    expect(screen.getByTestId('measured-result').textContent).toContain('saving $10.20 (95 %: $7.70 to $12.90) per month');
  });

  it('names the control the service applied, whatever its kind', async () => {
    const budget = {
      ...cap,
      category: 'thinking_budget',
      title: 'Limit thinking on /stress to 256 tokens',
      status: 'implemented',
      implemented_at: '2026-12-07T10:00:00Z',
      control: { type: 'thinking_budget', endpoint: '/stress', value: '256' },
    };
    const fetchImpl: FetchLike = async (url) =>
      url === '/optimization/recommendations'
        ? json(200, [budget])
        : json(200, { roi: { window: '20s', before: { requests: 3 }, after: { requests: 2 }, cost_per_request_change: null, realised_monthly: null, reason: 'too little traffic to tell' } });
    render(<RecommendationPanel apiKey={null} fetchImpl={fetchImpl} pollMs={60_000} />);

    await waitFor(() =>
      expect(screen.getByTestId('measured-result').textContent).toContain('Applied: thinking_budget 256 on /stress'),
    );
  });

  it('says why a result is not measured yet', async () => {
    const fetchImpl: FetchLike = async (url) =>
      url === '/optimization/recommendations'
        ? json(200, [{ ...cap, status: 'implemented', implemented_at: '2026-12-07T10:00:00Z', control: null }])
        : json(200, { roi: { window: '20s', before: { requests: 3 }, after: { requests: 2 }, cost_per_request_change: null, realised_monthly: null, reason: 'too little traffic to tell' } });
    render(<RecommendationPanel apiKey={null} fetchImpl={fetchImpl} pollMs={60_000} />);

    await waitFor(() => expect(screen.getByTestId('measured-result').textContent).toContain('too little traffic to tell'));
    expect(screen.getByTestId('measured-result').textContent).toContain('Recorded as implemented.');
  });
});
