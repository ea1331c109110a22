'use client';

import { useEffect, useState } from 'react';
import { getJson, type FetchLike } from '@/lib/api';

/** One budget of GET /budgets. */
export interface Budget {
  subject_type: string;
  subject: string;
  window: string;
  period: string;
  limit_usd: number;
  spent_usd: number;
  remaining_usd: number;
  used_percent: number;
}

/** GET /cache. */
export interface CacheStats {
  enabled: boolean;
  hits: number;
  semantic_hits: number;
  misses: number;
  hit_rate: number | null;
  saved_usd: number;
}

interface Props {
  apiKey: string | null;
  fetchImpl: FetchLike;
  pollMs: number;
}

const usd = (x: number) => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;

/** Budgets of keys and applications and the response cache's hit rate, polled from the service. */
export function SpendPanel({ apiKey, fetchImpl, pollMs }: Props) {
  const [budgets, setBudgets] = useState<Budget[] | null>(null);
  const [cache, setCache] = useState<CacheStats | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const [b, c] = await Promise.all([
        getJson<{ budgets: Budget[] }>('/budgets', apiKey, fetchImpl),
        getJson<CacheStats>('/cache', apiKey, fetchImpl),
      ]);
      if (stopped) return;
      setBudgets(b.kind === 'ok' ? b.data.budgets : null);
      setCache(c.kind === 'ok' ? c.data : null);
      setUnavailable(b.kind !== 'ok' && c.kind !== 'ok');
    };
    void poll();
    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [apiKey, fetchImpl, pollMs]);

  return (
    <section className="card" aria-labelledby="spend-h">
      <h2 id="spend-h">Budgets and cache</h2>
      {unavailable && <p className="muted">Budgets and cache are not available from this service.</p>}
      {cache && (
        <p data-testid="cache-rate">
          Cache hit rate:{' '}
          <strong>{cache.hit_rate == null ? 'no lookups yet' : `${(cache.hit_rate * 100).toFixed(1)} %`}</strong>
          {cache.hit_rate != null && (
            <span className="muted">
              {' '}
              ({cache.hits + cache.semantic_hits} of {cache.hits + cache.semantic_hits + cache.misses}; saved {usd(cache.saved_usd)})
            </span>
          )}
        </p>
      )}
      {budgets && budgets.length === 0 && <p className="muted">No budgets set (admin API: /admin/keys).</p>}
      {budgets && budgets.length > 0 && (
        <table className="small">
          <thead>
            <tr>
              <th scope="col">budget</th>
              <th scope="col">spent / limit</th>
              <th scope="col">used</th>
            </tr>
          </thead>
          <tbody>
            {budgets.map((b) => (
              <tr key={`${b.subject_type}-${b.subject}-${b.window}`}>
                <td>
                  {b.subject_type} {b.subject} · {b.window === 'day' ? 'daily' : 'monthly'}
                </td>
                <td>
                  {usd(b.spent_usd)} / {usd(b.limit_usd)}
                </td>
                <td className={b.used_percent >= 95 ? 'bad' : b.used_percent >= 80 ? 'warn' : undefined}>
                  {b.used_percent.toFixed(1)} %
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
