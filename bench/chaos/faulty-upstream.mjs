// A fake model upstream speaking the OpenAI (/v1/chat/completions) and Gemini
// (/v1beta/models/{model}:generateContent, :streamGenerateContent?alt=sse) wire formats, whose faults
// the chaos run switches at run time (Node stdlib, 127.0.0.1 only). Faults hit the primary models
// only (gpt-4o, gemini-2.5-pro); their fallbacks stay healthy, so retries, fallbacks and the circuit
// breaker show in what the upstream receives. Each prompt carries a "call-<n>" tag, so attempts are
// grouped per client call.
//   const up = await startUpstream(port); up.fault = 'http500'; up.attempts; await up.close();
import http from 'node:http';

export const PRIMARY = { openai: 'gpt-4o', gemini: 'gemini-2.5-pro' };
const PRIMARIES = new Set(Object.values(PRIMARY));
const TEXT = ['Hello', ' from', ' the', ' faulty', ' upstream.'];

/** How each wire format says a whole answer, one delta, the end of a stream and an error. */
const WIRE = {
  openai: {
    whole: (model) => JSON.stringify({
      id: 'chatcmpl-up', object: 'chat.completion', created: 1700000000, model,
      choices: [{ index: 0, message: { role: 'assistant', content: TEXT.join('') }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
    }),
    delta: (model, content, finish = null) => 'data: ' + JSON.stringify({
      id: 'chatcmpl-up', object: 'chat.completion.chunk', created: 1700000000, model,
      choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
    }) + '\n\n',
    end: (model) => WIRE.openai.delta(model, null, 'stop') + 'data: [DONE]\n\n',
    error: (status, message) => JSON.stringify({ error: { message, type: 'server_error', code: status } }),
    retryAfter: { 'retry-after': '1' },
  },
  gemini: {
    whole: () => JSON.stringify(gemini(TEXT.join(''), 'STOP')),
    delta: (model, content) => `data: ${JSON.stringify(gemini(content, null))}\r\n\r\n`,
    end: () => `data: ${JSON.stringify(gemini('', 'STOP'))}\r\n\r\n`,
    error: (status, message) => JSON.stringify({ error: { code: status, message: status === 429 ? `${message}. Please retry in 1s.` : message, status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL' } }),
    retryAfter: {},
  },
};
function gemini(text, finish) {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0, ...(finish ? { finishReason: finish } : {}) }],
    usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 7, totalTokenCount: 19 },
  };
}

// What each fault does to a request for a primary model. `socket.destroy()` is a reset.
const FAULTS = {
  latency: (x) => setTimeout(() => healthy(x), x.ctx.latencyMs),
  http500: (x) => send(x.res, 500, x.wire.error(500, 'upstream storm')),
  http503: (x) => send(x.res, 503, x.wire.error(503, 'overloaded')),
  http429: (x) => send(x.res, 429, x.wire.error(429, 'rate limited'), x.wire.retryAfter),
  reset_before: (x) => x.res.socket.destroy(),
  reset_during: (x) => {
    if (!x.stream) { x.res.writeHead(200, { 'content-type': 'application/json' }); x.res.write(x.wire.whole(x.model).slice(0, 30)); }
    else { startStream(x.res); x.res.write(x.wire.delta(x.model, TEXT[0])); x.res.write(x.wire.delta(x.model, TEXT[1])); }
    setTimeout(() => x.res.socket.destroy(), 50);
  },
  cut: (x) => { // the stream ends cleanly, but without a finish reason or [DONE]
    startStream(x.res); x.res.write(x.wire.delta(x.model, TEXT[0])); x.res.write(x.wire.delta(x.model, TEXT[1]));
    setTimeout(() => x.res.end(), 50);
  },
  drip: (x) => { // one delta, then one byte a minute
    startStream(x.res); x.res.write(x.wire.delta(x.model, TEXT[0]));
    const next = x.wire.delta(x.model, TEXT[1]);
    let i = 0;
    const timer = setInterval(() => { if (i < next.length) x.res.write(next[i++]); }, 60_000);
    x.ctx.timers.add(timer);
    x.res.on('close', () => { clearInterval(timer); x.ctx.timers.delete(timer); });
  },
  bad_json: (x) => (x.stream
    ? (startStream(x.res), x.res.end('data: {"choices":[{"delta":{"content":"Hel\n\ndata: {"candidates":[\n\n'))
    : send(x.res, 200, x.wire.whole(x.model).slice(0, 40))),
  bad_sse: (x) => (x.stream
    ? (startStream(x.res), x.res.end('event\u0000: ???\n\ndata: <html>oops</html>\n\n'))
    : send(x.res, 200, '<html><body>502 Bad Gateway</body></html>', { 'content-type': 'text/html' })),
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
function startStream(res) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}
function healthy({ res, wire, model, stream }) {
  if (!stream) return send(res, 200, wire.whole(model));
  startStream(res);
  TEXT.forEach((w) => res.write(wire.delta(model, w)));
  res.end(wire.end(model));
}

/** {wire, model, stream} of a model request, or null for anything else. */
function route(req, body) {
  if (req.method !== 'POST') return null;
  if (req.url.startsWith('/v1/chat/completions')) return { wire: WIRE.openai, model: body.model, stream: !!body.stream };
  const g = req.url.match(/\/models\/([^:/?]+):(generateContent|streamGenerateContent)/);
  return g ? { wire: WIRE.gemini, model: g[1], stream: g[2] === 'streamGenerateContent' } : null;
}

export async function startUpstream(port) {
  const ctx = { fault: 'none', latencyMs: 2000, timers: new Set(), attempts: [], reset() { this.attempts = []; } };
  const server = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      let body = {};
      try { body = JSON.parse(text || '{}'); } catch { /* not JSON */ }
      const r = route(req, body);
      if (!r) return send(res, 404, WIRE.openai.error(404, 'not found'));
      const call = (text.match(/call-(\d+)/) || [])[1] ?? null;
      const fault = PRIMARIES.has(r.model) ? ctx.fault : 'none';
      ctx.attempts.push({ call, model: r.model, at: Date.now(), fault });
      const x = { ...r, req, res, ctx };
      if (FAULTS[fault]) FAULTS[fault](x); else healthy(x);
    });
  });
  server.keepAliveTimeout = 65_000;
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const listen = () => new Promise((ok) => server.listen({ port, host: '127.0.0.1' }, () => { ctx.listening = true; ok(); }));
  await listen();
  // Connection refused: stop listening (and drop open connections) until resumed.
  ctx.refuse = () => new Promise((ok) => {
    server.close(() => { ctx.listening = false; ok(); });
    sockets.forEach((s) => s.destroy());
  });
  ctx.resume = listen;
  ctx.close = async () => {
    ctx.timers.forEach(clearInterval);
    if (ctx.listening) await ctx.refuse();
  };
  return ctx;
}
