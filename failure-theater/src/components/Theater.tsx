'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson, loadApiKey, postJson, saveApiKey, type FetchLike } from '@/lib/api';
import { appendPoint, type ScorePoint } from '@/lib/history';
import { runScenario, summarize, type ScenarioDef } from '@/lib/scenarios';
import type { HealthScore, Incident, IncidentPage } from '@/lib/types';
import { useInsightsStream, type StreamMode } from '@/lib/useInsightsStream';
import { ApiKeyForm } from './ApiKeyForm';
import { ComponentBars } from './ComponentBars';
import { HealthChart, type Marker } from './HealthChart';
import { IncidentList } from './IncidentList';
import { ScenarioPanel, type ScenarioRun } from './ScenarioPanel';
import { ScoreCard } from './ScoreCard';
import { SpendPanel } from './SpendPanel';
import { StatsGrid } from './StatsGrid';

type Connection =
  | { state: 'connecting' }
  | { state: 'ok' }
  | { state: 'unauthorized' }
  | { state: 'unreachable'; message: string }
  | { state: 'error'; status: number; detail: string };

interface Props {
  fetchImpl?: FetchLike;
  pollMs?: number;
  clock?: () => number;
  /** Wait before reconnecting the push stream, and before trying it again while polling. */
  streamRetryMs?: number;
  streamUpgradeMs?: number;
}

/**
 * The whole page: follows the service's push stream (health every second, incident events) and polls
 * every second when the stream is unavailable; runs scenarios against it.
 */
export function Theater({
  fetchImpl = (i, init) => fetch(i, init),
  pollMs = 1000,
  clock = Date.now,
  streamRetryMs = 2000,
  streamUpgradeMs = 30000,
}: Props) {
  const [apiKey, setApiKey] = useState<string | null>(null);
  const [keyRejected, setKeyRejected] = useState(false);
  const [conn, setConn] = useState<Connection>({ state: 'connecting' });
  const [health, setHealth] = useState<HealthScore | null>(null);
  const [history, setHistory] = useState<ScorePoint[]>([]);
  const [open, setOpen] = useState<Incident[] | null>(null);
  const [recent, setRecent] = useState<Incident[] | null>(null);
  const [incidentError, setIncidentError] = useState<string | null>(null);
  const [now, setNow] = useState(() => clock());
  const [run, setRun] = useState<ScenarioRun | null>(null);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const tick = useRef(0);
  const busy = useRef(false);
  const keyRef = useRef<string | null>(null);
  const [keyVersion, setKeyVersion] = useState(0);

  useEffect(() => {
    keyRef.current = loadApiKey();
    setApiKey(keyRef.current);
  }, []);

  const showHealth = useCallback(
    (data: HealthScore) => {
      const t = clock();
      setNow(t);
      setConn({ state: 'ok' });
      setHealth(data);
      setHistory((h) => appendPoint(h, { t, score: data.health_score }));
    },
    [clock],
  );

  const pollHealth = useCallback(async (): Promise<HealthScore | null> => {
    const r = await getJson<HealthScore>('/insights/health-score', keyRef.current, fetchImpl);
    if (r.kind === 'ok') {
      showHealth(r.data);
      return r.data;
    }
    const t = clock();
    setNow(t);
    setHistory((h) => appendPoint(h, { t, score: null }));
    if (r.kind === 'unauthorized') {
      setKeyRejected(keyRef.current !== null);
      setConn({ state: 'unauthorized' });
    } else if (r.kind === 'unreachable') setConn({ state: 'unreachable', message: r.message });
    else setConn({ state: 'error', status: r.status, detail: r.problem?.detail ?? r.problem?.title ?? '' });
    return null;
  }, [fetchImpl, clock, showHealth]);

  const pollIncidents = useCallback(async () => {
    const [o, all] = await Promise.all([
      getJson<IncidentPage>('/incidents?status=open&page=0&size=20', keyRef.current, fetchImpl),
      getJson<IncidentPage>('/incidents?page=0&size=10', keyRef.current, fetchImpl),
    ]);
    if (o.kind === 'ok' && all.kind === 'ok') {
      setOpen(o.data.items);
      setRecent(all.data.items);
      setIncidentError(null);
    } else {
      const bad = o.kind !== 'ok' ? o : all;
      setIncidentError(
        bad.kind === 'error' ? `HTTP ${bad.status} ${bad.problem?.title ?? ''}` : bad.kind === 'unreachable' ? 'service unreachable' : 'unauthorized',
      );
    }
  }, [fetchImpl]);

  const apiKeyNow = useCallback(() => keyRef.current, []);
  const mode = useInsightsStream({
    fetchImpl,
    apiKey: apiKeyNow,
    keyVersion,
    retryMs: streamRetryMs,
    upgradeMs: streamUpgradeMs,
    handlers: {
      onHealth: showHealth,
      onIncident: () => void pollIncidents(),
      onSync: () => void pollIncidents(),
      onUnauthorized: () => {
        setKeyRejected(keyRef.current !== null);
        setConn({ state: 'unauthorized' });
      },
    },
  });

  useEffect(() => {
    if (mode !== 'polling') return undefined;
    // Incidents change more slowly than the score: every other tick is enough.
    const poll = async () => {
      if (busy.current) return;
      busy.current = true;
      try {
        await pollHealth();
        if (tick.current++ % 2 === 0) await pollIncidents();
      } finally {
        busy.current = false;
      }
    };
    void poll();
    const id = setInterval(poll, pollMs);
    return () => clearInterval(id);
  }, [mode, pollHealth, pollIncidents, pollMs]);

  const onKey = (key: string) => {
    keyRef.current = key;
    saveApiKey(key);
    setApiKey(key);
    setKeyRejected(false);
    setConn({ state: 'connecting' });
    setKeyVersion((v) => v + 1);
  };

  const onRun = async (def: ScenarioDef) => {
    const startedAt = clock();
    const known = [...(open ?? []), ...(recent ?? [])].map((i) => i.id);
    setMarkers((m) => [...m, { t: startedAt, label: def.label }]);
    setRun({ def, startedAt, done: 0, scoreBefore: health?.health_score ?? null, incidentIdsBefore: known, summary: null, scoreAfter: undefined });
    const sent = await runScenario(def, keyRef.current, (done) => setRun((r) => r && { ...r, done }), fetchImpl);
    const after = await pollHealth();
    await pollIncidents();
    setRun((r) => r && { ...r, summary: summarize(sent), scoreAfter: after?.health_score ?? null });
  };

  const onApply = async (incidentId: string, step: number): Promise<string | null> => {
    const res = await postJson(`/incidents/${incidentId}/actions/${step}`, {}, keyRef.current, fetchImpl);
    await pollIncidents();
    if (res.status !== null && res.status < 300) return null;
    const problem = res.body as { detail?: string; title?: string } | null;
    return res.error ?? problem?.detail ?? problem?.title ?? `HTTP ${res.status}`;
  };

  const newIncidents = run
    ? [...(open ?? []), ...(recent ?? [])].filter(
        (i, n, all) => !run.incidentIdsBefore.includes(i.id) && all.findIndex((j) => j.id === i.id) === n,
      )
    : [];

  return (
    <div className="page">
      <header className="top">
        <h1>Failure Theater</h1>
        <p className="muted">LLM reliability control plane · live data from this service</p>
        <ConnectionBanner conn={conn} mode={mode} pollMs={pollMs} />
      </header>
      {conn.state === 'unauthorized' && <ApiKeyForm onSubmit={onKey} rejected={keyRejected} />}
      <main className="grid">
        <div className="col-left">
          <ScoreCard health={health} now={now} />
          <ComponentBars components={health?.components ?? null} />
        </div>
        <div className="col-right">
          <section className="card" aria-labelledby="chart-h">
            <h2 id="chart-h">Health score over time</h2>
            <HealthChart points={history} markers={markers} now={now} />
          </section>
          <StatsGrid stats={health?.stats ?? null} window={health?.window ?? null} />
        </div>
        <div className="col-left">
          <ScenarioPanel
            run={run}
            scoreNow={health?.health_score ?? null}
            newIncidents={newIncidents}
            disabled={conn.state !== 'ok'}
            onRun={onRun}
          />
          <SpendPanel apiKey={apiKey} fetchImpl={fetchImpl} pollMs={pollMs * 5} />
        </div>
        <div className="col-right">
          <IncidentList open={open} recent={recent} error={incidentError} now={now} onApply={onApply} />
        </div>
      </main>
      {apiKey && (
        <p className="muted small">
          Using an API key from this tab&apos;s session.{' '}
          <button type="button" className="linkish" onClick={() => { saveApiKey(null); keyRef.current = null; setApiKey(null); }}>
            Forget it
          </button>
        </p>
      )}
    </div>
  );
}

function ConnectionBanner({ conn, mode, pollMs }: { conn: Connection; mode: StreamMode; pollMs: number }) {
  switch (conn.state) {
    case 'ok':
      return (
        <p className="conn tone-good" data-testid="connection">
          ● connected · {mode === 'live' ? 'live push stream' : `polling every ${pollMs / 1000} s (push stream unavailable)`}
        </p>
      );
    case 'connecting':
      return <p className="conn muted" data-testid="connection">○ connecting…</p>;
    case 'unauthorized':
      return <p className="conn tone-warn" role="alert" data-testid="connection">● the service needs an API key</p>;
    case 'unreachable':
      return (
        <p className="conn tone-bad" role="alert" data-testid="connection">
          ● service unreachable ({conn.message}). Values below are the last ones received; the chart shows a gap.
        </p>
      );
    case 'error':
      return (
        <p className="conn tone-bad" role="alert" data-testid="connection">
          ● the service answered HTTP {conn.status} {conn.detail}
        </p>
      );
  }
}
