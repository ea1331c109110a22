#!/usr/bin/env node
// Fake OpenAI-compatible LLM upstream, Node stdlib only, bound to 127.0.0.1. Adapted from the shared
// peer kit (../shared/bench/fake-upstream.mjs): adds slow streams for the soak.
//   node fake-upstream.mjs [--port=9101] [--delay-ms=0] [--slow-model=gpt-4o]
//                          [--slow-chunks=20] [--slow-interval-ms=500]
// POST /v1/chat/completions: JSON, or SSE with "stream": true (stream_options.include_usage honoured).
// Requests for --slow-model stream --slow-chunks deltas, one every --slow-interval-ms (a model name
// selects the behaviour, so a gateway that does not forward custom headers still gets slow streams).
// Header "x-fake-delay-ms: N" overrides the delay before the reply. GET /v1/models, GET /stats.
import http from 'node:http';

const arg = (k, d) => (process.argv.find((a) => a.startsWith(`--${k}=`)) || `=${d}`).split('=')[1];
const PORT = parseInt(arg('port', '9101'), 10);
const DELAY = parseInt(arg('delay-ms', '0'), 10);
const SLOW_MODEL = arg('slow-model', 'gpt-4o');
const SLOW_CHUNKS = parseInt(arg('slow-chunks', '20'), 10);
const SLOW_INTERVAL = parseInt(arg('slow-interval-ms', '500'), 10);
const WORDS = ['Hello', ' from', ' the', ' fake', ' upstream.'];
const TEXT = WORDS.join('');
const USAGE = { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 };
const stats = { requests: 0, streams: 0, streams_completed: 0, streams_aborted: 0, open_streams: 0, max_open_streams: 0 };

const json = (model) => JSON.stringify({
  id: 'chatcmpl-fake-0001', object: 'chat.completion', created: 1700000000, model,
  choices: [{ index: 0, message: { role: 'assistant', content: TEXT }, logprobs: null, finish_reason: 'stop' }],
  usage: USAGE,
});
const chunk = (model, content, finish, usage) => 'data: ' + JSON.stringify({
  id: 'chatcmpl-fake-0001', object: 'chat.completion.chunk', created: 1700000000, model,
  choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  ...(usage ? { usage } : {}),
}) + '\n\n';

function stream(req, res, body) {
  const model = body.model || 'gpt-4o-mini';
  const usage = body.stream_options?.include_usage ? USAGE : null;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  stats.streams++;
  const end = () => {
    res.write(chunk(model, null, 'stop', usage));
    res.end('data: [DONE]\n\n');
  };
  if (model !== SLOW_MODEL) {
    for (const w of WORDS) res.write(chunk(model, w, null));
    stats.streams_completed++;
    return end();
  }
  stats.max_open_streams = Math.max(stats.max_open_streams, ++stats.open_streams);
  let sent = 0;
  const timer = setInterval(() => {
    if (sent < SLOW_CHUNKS) { res.write(chunk(model, ` w${sent++}`, null)); return; }
    clearInterval(timer); stats.open_streams--; stats.streams_completed++; end();
  }, SLOW_INTERVAL);
  res.write(chunk(model, 'Hi', null));
  res.on('close', () => {
    if (!res.writableEnded) { clearInterval(timer); stats.open_streams--; stats.streams_aborted++; }
  });
}

function reply(req, res, raw) {
  let body = {};
  try { body = JSON.parse(raw || '{}'); } catch { /* not JSON */ }
  if (req.method === 'GET' && req.url.startsWith('/v1/models')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'fake' }] }));
  }
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(stats));
  }
  if (req.method === 'POST' && req.url.startsWith('/v1/chat/completions')) {
    stats.requests++;
    if (body.stream) return stream(req, res, body);
    const out = json(body.model || 'gpt-4o-mini');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
    return res.end(out);
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":{"message":"not found"}}');
}

const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => {
    const h = req.headers['x-fake-delay-ms'];
    const delay = h !== undefined ? parseInt(h, 10) : DELAY;
    const go = () => reply(req, res, Buffer.concat(parts).toString('utf8'));
    if (delay > 0) setTimeout(go, delay); else go();
  });
});
server.keepAliveTimeout = 65000;
server.maxConnections = 20000;
server.listen({ port: PORT, host: '127.0.0.1', backlog: 4096 }, () =>
  console.log(`fake-upstream 127.0.0.1:${PORT} delay=${DELAY}ms slow=${SLOW_MODEL}x${SLOW_CHUNKS}@${SLOW_INTERVAL}ms pid=${process.pid}`));
