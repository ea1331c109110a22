// Client side of the chaos run: one call (JSON or SSE) with what the client saw, and steady load at
// a fixed rate. A call that gets no complete answer within its deadline is a hang.
import http from 'node:http';

export const KEY = 'sk-chaos-client-3f9a';
let seq = 0;

/** A chat body whose prompt carries a unique "call-<n>" tag (the upstream groups attempts by it). */
export function chat(model, stream, extra = '') {
  const n = ++seq;
  return { n, body: { model, stream, messages: [{ role: 'user', content: `Say hello (call-${n}) ${extra}`.trim() }] } };
}

/**
 * POST a JSON body; resolves {status, id, ms, text, done, errorEvent, model, hang, error}.
 * `id` is the X-Request-Id (the call's prompt id) or the problem's prompt_id.
 */
export function post(port, path, body, { agent, timeoutMs = 30_000, headers = {} } = {}) {
  return new Promise((resolve) => {
    const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const t0 = Date.now();
    let settled = false;
    const finish = (r) => { if (!settled) { settled = true; resolve({ ms: Date.now() - t0, ...r }); } };
    const req = http.request({
      host: '127.0.0.1', port, path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: `Bearer ${KEY}`, ...headers },
    }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => finish(read(res, Buffer.concat(parts).toString('utf8'))));
      res.on('error', (e) => finish({ ...read(res, Buffer.concat(parts).toString('utf8')), error: e.code || e.message }));
      res.on('aborted', () => finish({ ...read(res, Buffer.concat(parts).toString('utf8')), error: 'aborted' }));
    });
    req.setTimeout(timeoutMs, () => { finish({ status: 0, hang: true, error: 'timeout' }); req.destroy(); });
    req.on('error', (e) => finish({ status: 0, error: e.code || e.message }));
    req.end(data);
  });
}

function read(res, text) {
  const sse = (res.headers['content-type'] || '').includes('text/event-stream');
  let id = res.headers['x-request-id'] || null;
  let model = null;
  if (!sse) {
    try {
      const j = JSON.parse(text);
      id ??= j.prompt_id ?? j.metadata?.prompt_id ?? null;
      model = j.model ?? j.metadata?.model ?? null;
    } catch { /* not JSON */ }
  } else {
    model = (text.match(/"model":"([^"]+)"/) || [])[1] ?? null;
  }
  return {
    status: res.statusCode, id, text, sse, model,
    done: sse && text.includes('data: [DONE]'),
    errorEvent: sse && /data: \{"error"/.test(text),
  };
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Runs `fn(i)` for i < n with at most `concurrency` at once; resolves the results in order. */
export async function pool(n, concurrency, fn) {
  const out = new Array(n);
  let next = 0;
  const worker = async () => { while (next < n) { const i = next++; out[i] = await fn(i); } };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
  return out;
}

/**
 * Starts `fn(i)` `rate` times a second for `seconds` (or until `stop()`); `done` resolves every
 * result, including those still in flight when it stopped.
 */
export function steady(rate, seconds, fn) {
  const results = [];
  let i = 0;
  let stopped = false;
  const t0 = Date.now();
  const done = new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(Math.floor(((Date.now() - t0) / 1000) * rate), Math.floor(seconds * rate));
      while (!stopped && i < due) results.push(fn(i++));
      if (stopped || i >= Math.floor(seconds * rate)) return Promise.all(results).then(resolve);
      setTimeout(tick, 5);
    };
    tick();
  });
  return { done, stop: () => { stopped = true; }, sent: () => i };
}

/** Counts of each status (0 = no response), e.g. "200×48, 0×2". */
export function statuses(results) {
  const c = {};
  for (const r of results) c[r.status] = (c[r.status] || 0) + 1;
  return Object.entries(c).map(([s, n]) => `${s}×${n}`).join(', ');
}
