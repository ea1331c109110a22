import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScoreCard } from '@/components/ScoreCard';
import type { HealthScore } from '@/lib/types';

const base: HealthScore = {
  health_score: 84.7,
  status: 'degraded',
  window: '5m',
  components: { performance: 47.8, reliability: 100, cost: 100, quality: 52.9, security: 100, slo: 0, efficiency_bonus: 9.9 },
  slo_burn: { latency: 2.86, availability: 0 },
  stats: {
    requests: 50, request_rate_per_s: 0.4, p95_latency_ms: 5414, error_rate: 0, retry_rate: 0,
    cost_per_request_usd: 0.0004, total_cost_usd: 0.02, mean_quality: 0.8, safety_block_rate: 0,
    injection_rate: 0, token_efficiency: 1,
  },
  generated_at: new Date().toISOString(),
};

describe('ScoreCard status cap', () => {
  it('names the open incident that caps the status, with its severity and scope', () => {
    const capped = {
      ...base,
      capped_by: { id: 'inc-1', title: 'p95 latency on /reason is 5,414 ms, SLO 3,000 ms', severity: 'SEV-2', endpoint: '/reason', model: null },
    };
    render(<ScoreCard health={capped} now={Date.now()} />);
    expect(screen.getByTestId('health-status')).toHaveTextContent('degraded');
    const cap = screen.getByTestId('status-cap');
    expect(cap).toHaveTextContent('SEV-2');
    expect(cap).toHaveTextContent('degraded while this incident is open (on /reason)');
    expect(screen.getByTestId('status-cap-title')).toHaveTextContent('p95 latency on /reason is 5,414 ms');
    expect(screen.getByTestId('slo-burn')).toHaveTextContent('latency 2.9×, availability 0.0×');
  });

  it('says nothing about a cap when no incident holds the status', () => {
    render(<ScoreCard health={{ ...base, status: 'healthy', capped_by: null }} now={Date.now()} />);
    expect(screen.queryByTestId('status-cap')).toBeNull();
  });
});
