import type { Problem } from './types';

/**
 * Browser HTTP access to the control plane. Paths are root-relative: in production the page is served
 * by the service itself (same origin); under `npm run dev` Next rewrites proxy them (next.config.mjs).
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type ApiResult<T> =
  | { kind: 'ok'; status: number; data: T }
  | { kind: 'unauthorized' }
  | { kind: 'error'; status: number; problem: Problem | null }
  | { kind: 'unreachable'; message: string };

const API_KEY_STORAGE = 'lrcp.apiKey';

export function loadApiKey(): string | null {
  try {
    return window.sessionStorage.getItem(API_KEY_STORAGE);
  } catch {
    return null;
  }
}

export function saveApiKey(key: string | null): void {
  try {
    if (key) window.sessionStorage.setItem(API_KEY_STORAGE, key);
    else window.sessionStorage.removeItem(API_KEY_STORAGE);
  } catch {
    /* storage disabled: the key lives only in memory for this page */
  }
}

export function headers(apiKey: string | null, json = false): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (json) h['Content-Type'] = 'application/json';
  if (apiKey) h['X-API-Key'] = apiKey;
  return h;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function getJson<T>(
  path: string,
  apiKey: string | null,
  fetchImpl: FetchLike = fetch,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetchImpl(path, { headers: headers(apiKey), cache: 'no-store' });
  } catch (e) {
    return { kind: 'unreachable', message: e instanceof Error ? e.message : String(e) };
  }
  if (res.status === 401) return { kind: 'unauthorized' };
  const body = await readBody(res);
  if (!res.ok) return { kind: 'error', status: res.status, problem: (body as Problem) ?? null };
  return { kind: 'ok', status: res.status, data: body as T };
}

/** One POST as a scenario sends it: the outcome is recorded whatever the status. */
export interface PostOutcome {
  status: number | null;
  durationMs: number;
  body: unknown;
  error?: string;
}

export async function postJson(
  path: string,
  payload: unknown,
  apiKey: string | null,
  fetchImpl: FetchLike = fetch,
  now: () => number = () => performance.now(),
): Promise<PostOutcome> {
  const started = now();
  try {
    const res = await fetchImpl(path, {
      method: 'POST',
      headers: headers(apiKey, true),
      body: JSON.stringify(payload),
    });
    const body = await readBody(res);
    return { status: res.status, durationMs: now() - started, body };
  } catch (e) {
    return {
      status: null,
      durationMs: now() - started,
      body: null,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}
