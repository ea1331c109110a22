'use client';

import { useEffect, useRef, useState } from 'react';
import { headers, type FetchLike } from './api';
import { readStream, type SseEvent } from './sse';
import type { HealthScore, IncidentEvent } from './types';

/**
 * `live`: events arrive over GET /insights/stream; a dropped stream is reconnected (with Last-Event-ID)
 * after the server's retry delay. `polling`: a connection attempt failed (or the browser cannot read a
 * streamed body), so the page polls and tries the stream again now and then. `unauthorized`: the
 * stream needs an API key.
 */
export type StreamMode = 'connecting' | 'live' | 'polling' | 'unauthorized';

export interface StreamHandlers {
  onHealth: (health: HealthScore) => void;
  /** An incident opened, changed or resolved (type `incident.opened` etc.). */
  onIncident: (type: string, event: IncidentEvent) => void;
  /** Connected, or told to reload: what the page shows may be stale. */
  onSync: () => void;
  onUnauthorized: () => void;
}

interface Options {
  fetchImpl: FetchLike;
  apiKey: () => string | null;
  /** Changes when the API key changes, to reconnect with it. */
  keyVersion: number;
  handlers: StreamHandlers;
  retryMs?: number;
  upgradeMs?: number;
}

export function useInsightsStream({ fetchImpl, apiKey, keyVersion, handlers, retryMs = 2000, upgradeMs = 30000 }: Options): StreamMode {
  const [mode, setMode] = useState<StreamMode>('connecting');
  // refs, not effect dependencies: a new function on every render must not reconnect the stream
  const latest = useRef(handlers);
  latest.current = handlers;
  const fetchRef = useRef(fetchImpl);
  fetchRef.current = fetchImpl;
  const keyRef = useRef(apiKey);
  keyRef.current = apiKey;

  useEffect(() => {
    const abort = new AbortController();
    let lastEventId: string | null = null;
    let connected = false;
    const wait = (ms: number) => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); });
    });
    const onEvent = (e: SseEvent) => {
      if (e.id !== null) lastEventId = e.id;
      const h = latest.current;
      if (e.type === 'ready' || e.type === 'reset') {
        connected = true;
        setMode('live');
        h.onSync();
      } else if (e.type === 'health') h.onHealth(JSON.parse(e.data) as HealthScore);
      else if (e.type.startsWith('incident.')) h.onIncident(e.type, JSON.parse(e.data) as IncidentEvent);
    };
    const run = async () => {
      if (typeof ReadableStream === 'undefined' || typeof TextDecoder === 'undefined') {
        setMode('polling');
        return;
      }
      while (!abort.signal.aborted) {
        const h: Record<string, string> = headers(keyRef.current());
        if (lastEventId) h['Last-Event-ID'] = lastEventId;
        const end = await readStream('/insights/stream', h, fetchRef.current, onEvent, abort.signal);
        if (abort.signal.aborted) return;
        if (end.kind === 'unauthorized') {
          setMode('unauthorized');
          latest.current.onUnauthorized();
          return;
        }
        const wasLive = connected;
        connected = false;
        if (!wasLive) setMode('polling');
        await wait(wasLive ? end.retryMs ?? retryMs : upgradeMs);
      }
    };
    void run();
    return () => abort.abort();
  }, [keyVersion, retryMs, upgradeMs]);

  return mode;
}
