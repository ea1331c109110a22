'use client';

import { useCallback, useEffect, useState } from 'react';
import { getJson, postJson, type FetchLike } from '@/lib/api';

interface Estimate {
  usd: number;
  low_usd: number;
  high_usd: number;
}

/** One item of GET /optimization/recommendations (the fields this panel reads). */
export interface RecommendationItem {
  id: string;
  title: string;
  category: string;
  description: string;
  status: string;
  source: string;
  endpoint: string | null;
  monthly_savings: Estimate | null;
  confidence: number | null;
  control: { type: string; endpoint: string; value: string } | null;
  implemented_at: string | null;
}

/** The measured ROI of GET /optimization/recommendations/{id}. */
interface Roi {
  window: string;
  before: { requests: number };
  after: { requests: number };
  cost_per_request_change: Estimate | null;
  realised_monthly: Estimate | null;
  reason: string | null;
}

interface Props {
  apiKey: string | null;
  fetchImpl: FetchLike;
  pollMs: number;
}

const usd = (x: number) => `$${Math.abs(x) < 1 ? x.toFixed(4) : x.toFixed(2)}`;
const range = (e: Estimate) => `${usd(e.usd)} (95 %: ${usd(e.low_usd)} to ${usd(e.high_usd)})`;

/**
 * The recommendation just implemented from this panel (to show its measured result), else the open
 * one with the largest monthly saving, else the latest implemented.
 */
export function pickTop(items: RecommendationItem[], focus: string | null = null): RecommendationItem | null {
  const focused = focus ? items.find((r) => r.id === focus) : undefined;
  if (focused) return focused;
  const open = items
    .filter((r) => r.status === 'pending' && r.monthly_savings)
    .sort((a, b) => (b.monthly_savings?.usd ?? 0) - (a.monthly_savings?.usd ?? 0));
  if (open.length > 0) return open[0];
  const done = items.filter((r) => r.status === 'implemented' && r.implemented_at);
  done.sort((a, b) => (b.implemented_at ?? '').localeCompare(a.implemented_at ?? ''));
  return done[0] ?? null;
}

/** "Top recommendation": computed from the service's call records, implementable, then measured. */
export function RecommendationPanel({ apiKey, fetchImpl, pollMs }: Props) {
  const [top, setTop] = useState<RecommendationItem | null>(null);
  const [roi, setRoi] = useState<Roi | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);

  const poll = useCallback(async () => {
    const list = await getJson<RecommendationItem[]>('/optimization/recommendations', apiKey, fetchImpl);
    setLoaded(list.kind === 'ok');
    if (list.kind !== 'ok') return;
    const chosen = pickTop(list.data, focus);
    setTop(chosen);
    if (chosen?.status === 'implemented') {
      const detail = await getJson<{ roi: Roi | null }>(`/optimization/recommendations/${chosen.id}`, apiKey, fetchImpl);
      setRoi(detail.kind === 'ok' ? detail.data.roi : null);
    } else {
      setRoi(null);
    }
  }, [apiKey, fetchImpl, focus]);

  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), pollMs);
    return () => clearInterval(timer);
  }, [poll, pollMs]);

  const act = async (path: string, body: unknown, implementing: string | null = null) => {
    const out = await postJson(path, body, apiKey, fetchImpl);
    const problem = out.body as { detail?: string } | null;
    setError(out.status === 200 ? null : (problem?.detail ?? out.error ?? `HTTP ${out.status}`));
    if (out.status === 200 && implementing) setFocus(implementing);
    else await poll();
  };

  return (
    <section className="card" aria-labelledby="reco-h">
      <h2 id="reco-h">Top recommendation</h2>
      {loaded && !top && (
        <p className="muted">
          No recommendation yet.{' '}
          <button type="button" onClick={() => void act('/optimization/recommendations/generate', {})}>
            Generate from recent calls
          </button>
        </p>
      )}
      {top && (
        <div data-testid="top-recommendation">
          <p>
            <strong>{top.title}</strong> <span className="muted">({top.category})</span>
          </p>
          <p className="small">{top.description}</p>
          {top.monthly_savings && (
            <p className="small">
              Estimated saving per month: {range(top.monthly_savings)}
              {top.confidence != null && <> · confidence {(top.confidence * 100).toFixed(0)} %</>}
            </p>
          )}
          {top.status === 'pending' && (
            <button
              type="button"
              onClick={() =>
                void act(`/optimization/recommendations/${top.id}/implement`, { implemented_by: 'failure-theater' }, top.id)
              }
            >
              Implement
            </button>
          )}
          {top.status === 'implemented' && (
            <p className="small" data-testid="measured-result">
              {top.control != null
                ? `Applied: ${top.control.type} ${top.control.value} on ${top.control.endpoint}. `
                : 'Recorded as implemented. '}
              {roi == null || roi.realised_monthly == null || roi.cost_per_request_change == null
                ? `Measured result: ${roi?.reason ?? 'not measured yet'}`
                : `Measured over ${roi.window} either side: cost per request ${usd(roi.cost_per_request_change.usd)}` +
                  ` (95 %: ${usd(roi.cost_per_request_change.low_usd)} to ${usd(roi.cost_per_request_change.high_usd)}),` +
                  ` saving ${range(roi.realised_monthly)} per month`}
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
