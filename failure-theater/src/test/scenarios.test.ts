import { describe, expect, it } from 'vitest';
import { percentile, runScenario, SCENARIOS, summarize, type ScenarioDef } from '@/lib/scenarios';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('scenarios', () => {
  it('covers the six buttons, each against a public endpoint', () => {
    expect(SCENARIOS.map((s) => s.label)).toEqual([
      'Cost Explosion',
      'Latency Spike',
      'Quality Drop',
      'Security Attack',
      'Retry Storm',
      'Normal traffic (reset)',
    ]);
    for (const s of SCENARIOS) {
      expect(s.build(0).path).toMatch(/^\/(qa|reason|stress)(\?|$)/);
    }
    expect(SCENARIOS.find((s) => s.id === 'latency')!.build(0).path).toContain('simulate_latency=true');
    expect(SCENARIOS.find((s) => s.id === 'retry')!.build(0).path).toContain('simulate_retry=true');
  });

  it('sends every request with bounded concurrency and records every outcome', async () => {
    let inFlight = 0;
    let peak = 0;
    const calls: { url: string; init?: RequestInit }[] = [];
    const def: ScenarioDef = { id: 't', label: 'T', description: '', count: 7, concurrency: 3, build: (i) => ({ path: '/reason', body: { prompt: `p${i}` } }) };
    const progress: number[] = [];
    const sent = await runScenario(
      def,
      'k1',
      (d) => progress.push(d),
      async (url, init) => {
        calls.push({ url, init });
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        if (calls.length === 3) throw new TypeError('Failed to fetch');
        return calls.length === 5 ? json(503, { type: 'urn:lrcp:problem:circuit-open' }) : json(200, { answer: 'a', metadata: { input_tokens: 10, output_tokens: 5, cost_usd: 0.001 } });
      },
    );
    expect(calls).toHaveLength(7);
    expect(peak).toBeLessThanOrEqual(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((calls[0].init!.headers as Record<string, string>)['X-API-Key']).toBe('k1');
    expect(JSON.parse(calls[0].init!.body as string)).toEqual({ prompt: 'p0' });
    const s = summarize(sent);
    expect(s.requests).toBe(7);
    expect(s.statuses).toEqual({ '200': 5, '503': 1, 'network error': 1 });
    expect(s.inputTokens).toBe(50);
    expect(s.outputTokens).toBe(25);
    expect(s.costUsd).toBeCloseTo(0.005, 10);
    expect(s.paths).toEqual(['/reason']);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([], 95)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
  });
});
