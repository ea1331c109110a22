import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Theater } from '@/components/Theater';
import type { FetchLike } from '@/lib/api';
import type { Incident } from '@/lib/types';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** One open event stream the test writes to. */
function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => { controller = c; } });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (frame: string) => controller.enqueue(encoder.encode(frame)),
    close: () => controller.close(),
  };
}

const healthFrame = (score: number) =>
  `event: health\ndata: ${JSON.stringify({
    health_score: score, status: 'healthy', window: '5m', scope: 'service',
    components: { performance: 90, reliability: 100, cost: 80, quality: 85, security: 100, efficiency_bonus: 1 },
    stats: { requests: 10, request_rate_per_s: 0.1, p95_latency_ms: 700, error_rate: 0, retry_rate: 0, cost_per_request_usd: 0.001,
      total_cost_usd: 0.01, mean_quality: 0.8, safety_block_rate: 0, injection_rate: 0, token_efficiency: 0.5 },
    generated_at: new Date().toISOString(),
  })}\n\n`;

const incident: Incident = {
  id: 'inc-9', rule: 'error_rate', title: 'error rate on /qa is 40.0% (8 of 20 calls failed)', severity: 'SEV-2',
  status: 'open', scope: { endpoint: '/qa', model: null }, opened_at: new Date().toISOString(),
  updated_at: new Date().toISOString(), resolved_at: null, evidence: null, attribution: null,
  runbook: ['Check the provider status page'], links: null, timeline: [],
};

function fakeService() {
  const state = { incidents: [] as Incident[], healthPolls: 0, streams: [] as ReturnType<typeof eventStream>[], streamHeaders: [] as Record<string, string>[] };
  const fetchImpl: FetchLike = async (url, init) => {
    if (url === '/insights/stream') {
      const s = eventStream();
      state.streams.push(s);
      state.streamHeaders.push({ ...(init?.headers as Record<string, string>) });
      return s.response;
    }
    if (url.startsWith('/insights/health-score')) {
      state.healthPolls += 1;
      return json(503, { title: 'polled' });
    }
    if (url.startsWith('/incidents')) return json(200, { items: state.incidents, page: 0, size: 20, total: state.incidents.length });
    return json(404, {});
  };
  return { state, fetchImpl };
}

describe('Theater on the push stream', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('shows the health score from stream events and reloads incidents when one opens, without polling', async () => {
    const svc = fakeService();
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} />);
    await waitFor(() => expect(svc.state.streams).toHaveLength(1));
    const stream = svc.state.streams[0];
    stream.send('retry: 2000\n\nid: b-1\nevent: ready\ndata: {"replay_capacity":1024}\n\n');
    stream.send(healthFrame(77.7));

    expect(await screen.findByTestId('health-score')).toHaveTextContent('77.7');
    expect(screen.getByTestId('connection')).toHaveTextContent('live push stream');

    svc.state.incidents = [incident];
    stream.send(`id: b-2\nevent: incident.opened\ndata: ${JSON.stringify({ id: 'inc-9', rule: 'error_rate', severity: 'SEV-2', title: incident.title, at: incident.opened_at })}\n\n`);
    const item = await screen.findByTestId('incident-item');
    expect(within(item).getByText(incident.title)).toBeInTheDocument();
    expect(svc.state.healthPolls).toBe(0);
  });

  it('reconnects after the stream drops and sends the last event id it saw', async () => {
    const svc = fakeService();
    render(<Theater fetchImpl={svc.fetchImpl} pollMs={10} streamRetryMs={5} />);
    await waitFor(() => expect(svc.state.streams).toHaveLength(1));
    svc.state.streams[0].send('id: b-5\nevent: ready\ndata: {}\n\nid: b-6\nevent: incident.resolved\ndata: {"id":"inc-9"}\n\n');
    svc.state.streams[0].send(healthFrame(80));
    await screen.findByText(/live push stream/);
    svc.state.streams[0].close();

    await waitFor(() => expect(svc.state.streams).toHaveLength(2));
    expect(svc.state.streamHeaders[1]['Last-Event-ID']).toBe('b-6');
    expect(svc.state.streamHeaders[0]['Last-Event-ID']).toBeUndefined();
  });

  it('falls back to polling when the stream cannot be opened', async () => {
    const svc = fakeService();
    const fetchImpl: FetchLike = async (url, init) => (url === '/insights/stream' ? json(404, {}) : svc.fetchImpl(url, init));
    render(<Theater fetchImpl={fetchImpl} pollMs={10} />);

    await waitFor(() => expect(svc.state.healthPolls).toBeGreaterThan(0));
  });
});
