import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Theater } from '@/components/Theater';
import type { FetchLike } from '@/lib/api';
import type { HealthScore, Incident } from '@/lib/types';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const health = (score: number | null, status = 'healthy'): HealthScore => ({
  health_score: score,
  status,
  window: '5m',
  components: score === null ? null : { performance: 92.1, reliability: 100, cost: 88, quality: 81, security: 100, efficiency_bonus: 1.2 },
  stats: {
    requests: 120, request_rate_per_s: 0.4, p95_latency_ms: 812, error_rate: 0, retry_rate: 0.01,
    cost_per_request_usd: 0.0004, total_cost_usd: 0.048, mean_quality: 0.81, safety_block_rate: 0,
    injection_rate: 0, token_efficiency: 0.4,
  },
  generated_at: new Date().toISOString(),
});

const incident: Incident = {
  id: 'inc-1', rule: 'latency_slo', title: 'p95 latency on /reason is 4,210 ms, SLO 3,000 ms', severity: 'SEV-2',
  status: 'open', scope: { endpoint: '/reason', model: null }, opened_at: new Date().toISOString(),
  updated_at: new Date().toISOString(), resolved_at: null,
  evidence: { metric: 'llm.request.latency_ms', statistic: 'p95', value: 4210, threshold: 3000, unit: 'ms', window: '5m', requests: 40, samples: [] },
  attribution: { summary: 'model gemini-2.5-pro accounts for 92% of the increase', confidence: 0.92, causes: [] },
  runbook: ['Switch /reason to the fallback model gemini-2.5-flash'], links: null, timeline: [],
};

/** A fake service: GET answers come from the state, POSTs are recorded. */
function fakeService(state: { score: number | null; incidents: Incident[]; status?: number; down?: boolean; key?: string }) {
  const posts: { url: string; init?: RequestInit }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    if (state.down) throw new TypeError('Failed to fetch');
    const key = (init?.headers as Record<string, string> | undefined)?.['X-API-Key'];
    if (state.key && key !== state.key) return json(401, { type: 'urn:lrcp:problem:unauthorized', status: 401 });
    if (init?.method === 'POST') {
      posts.push({ url, init });
      state.score = 41.5;
      return json(200, { answer: 'x', metadata: { input_tokens: 12, output_tokens: 30, cost_usd: 0.0001 } });
    }
    if (url.startsWith('/insights/health-score')) return json(state.status ?? 200, health(state.score));
    if (url.startsWith('/incidents')) return json(200, { items: state.incidents, page: 0, size: 20, total: state.incidents.length });
    return json(404, { type: 'urn:lrcp:problem:not-found' });
  };
  return { fetchImpl, posts };
}

describe('Theater', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('shows the live score, its components, signals and incidents with their runbook', async () => {
    const svc = fakeService({ score: 87.44, incidents: [incident] });
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} />);
    expect(await screen.findByTestId('health-score')).toHaveTextContent('87.4');
    expect(screen.getByTestId('health-status')).toHaveTextContent('healthy');
    expect(screen.getByTestId('component-performance')).toHaveTextContent('92.1 / 100');
    expect(screen.getByText('812 ms')).toBeInTheDocument();
    expect(screen.getByText('$0.0480')).toBeInTheDocument();
    expect(screen.getByTestId('connection')).toHaveTextContent('connected');
    const item = await screen.findByTestId('incident-item');
    expect(within(item).getByText(incident.title)).toBeInTheDocument();
    expect(within(item).getByText(/Switch \/reason to the fallback model/)).toBeInTheDocument();
    expect(within(item).getByText('4,210 ms')).toBeInTheDocument();
  });

  it('says so when the service is unreachable', async () => {
    const svc = fakeService({ score: 80, incidents: [], down: true });
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} />);
    expect(await screen.findByText(/service unreachable/)).toBeInTheDocument();
    expect(screen.getByTestId('scenario-latency')).toBeDisabled();
  });

  it('says there is no data rather than showing a number when the window is empty', async () => {
    const svc = fakeService({ score: null, incidents: [] });
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} />);
    expect(await screen.findByText(/nothing to score yet/)).toBeInTheDocument();
    expect(screen.getByTestId('health-score')).toHaveTextContent('—');
  });

  it('asks for an API key on 401 and then sends it as X-API-Key', async () => {
    const svc = fakeService({ score: 70, incidents: [], key: 's3cret' });
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} />);
    const input = await screen.findByLabelText('API key');
    await userEvent.type(input, 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Use key' }));
    expect(await screen.findByTestId('health-score')).toHaveTextContent('70.0');
    expect(window.sessionStorage.getItem('lrcp.apiKey')).toBe('s3cret');
  });

  it('runs Latency Spike through the public API and shows what it sent and what changed', async () => {
    const svc = fakeService({ score: 90, incidents: [] });
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} />);
    await screen.findByTestId('health-score');
    await waitFor(() => expect(screen.getByTestId('scenario-latency')).toBeEnabled());
    await userEvent.click(screen.getByTestId('scenario-latency'));
    const result = await screen.findByTestId('scenario-result');
    await waitFor(() => expect(within(result).getByTestId('scenario-statuses')).toHaveTextContent('HTTP 200 × 20'));
    expect(svc.posts).toHaveLength(20);
    expect(svc.posts.every((p) => p.url === '/reason?simulate_latency=true')).toBe(true);
    expect(within(result).getByTestId('score-before')).toHaveTextContent('90.0');
    expect(within(result).getByTestId('score-after')).toHaveTextContent('41.5');
    expect(within(result).getByText(/240 in \/ 600 out tokens/)).toBeInTheDocument();
  });
});
