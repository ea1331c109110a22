import type { HealthStats } from '@/lib/types';
import { formatCount, formatMs, formatPercent, formatRate, formatUnitScore, formatUsd } from '@/lib/format';

/** Golden signals of the window, straight from the health-score response. */
export function StatsGrid({ stats, window }: { stats: HealthStats | null; window: string | null }) {
  const rows: [string, string, string][] = stats
    ? [
        ['Requests', formatCount(stats.requests, 'req'), `in the ${window ?? ''} window`],
        ['Request rate', formatRate(stats.request_rate_per_s), 'mean over the window'],
        ['p95 latency', formatMs(stats.p95_latency_ms), 'end-to-end LLM call'],
        ['Error rate', formatPercent(stats.error_rate), 'failed calls'],
        ['Retry rate', formatPercent(stats.retry_rate), 'calls that needed a retry'],
        ['Spend', formatUsd(stats.total_cost_usd), `total in the window`],
        ['Cost / request', formatUsd(stats.cost_per_request_usd), 'mean'],
        ['Mean quality', formatUnitScore(stats.mean_quality), 'grounding score'],
        ['Injection rate', formatPercent(stats.injection_rate), 'prompts flagged'],
        ['Safety blocks', formatPercent(stats.safety_block_rate), 'answers blocked'],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="stats-h">
      <h2 id="stats-h">Signals</h2>
      {!stats ? (
        <p className="muted">No data yet.</p>
      ) : (
        <dl className="stats">
          {rows.map(([label, value, hint]) => (
            <div key={label} className="stat">
              <dt>{label}</dt>
              <dd className="stat-value">{value}</dd>
              <dd className="muted small">{hint}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
