import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SpendPanel } from '@/components/SpendPanel';
import type { FetchLike } from '@/lib/api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('SpendPanel', () => {
  it('shows each budget and the cache hit rate the service reports', async () => {
    const fetchImpl: FetchLike = async (url) => {
      if (url === '/budgets')
        return json(200, {
          budgets: [
            { subject_type: 'key', subject: 'checkout-bot', window: 'day', period: '2026-12-07', limit_usd: 5, spent_usd: 4.1, remaining_usd: 0.9, used_percent: 82 },
          ],
        });
      return json(200, { enabled: true, hits: 3, semantic_hits: 1, misses: 4, hit_rate: 0.5, saved_usd: 0.0123 });
    };
    render(<SpendPanel apiKey={null} fetchImpl={fetchImpl} pollMs={1000} />);
    await waitFor(() => expect(screen.getByText(/key checkout-bot · daily/)).toBeTruthy());
    expect(screen.getByText('$4.10 / $5.00')).toBeTruthy();
    expect(screen.getByText('82.0 %').className).toBe('warn');
    expect(screen.getByTestId('cache-rate').textContent).toContain('50.0 %');
    expect(screen.getByTestId('cache-rate').textContent).toContain('4 of 8');
  });

  it('says so when the service has neither', async () => {
    const fetchImpl: FetchLike = async () => json(404, { type: 'urn:lrcp:problem:not-found' });
    render(<SpendPanel apiKey={null} fetchImpl={fetchImpl} pollMs={1000} />);
    await waitFor(() => expect(screen.getByText(/not available from this service/)).toBeTruthy());
  });
});
