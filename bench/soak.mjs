#!/usr/bin/env node
// Soak: N concurrent slow streams through one target. Every stream must end with data: [DONE] and
// carry at least --min-events data events; anything else (status, socket error, cut stream) is an error.
//   node soak.mjs --target=NAME=URL [--portkey=NAME --upstream=URL] [--headers=NAME={...}]
//                 [--n=5000] [--ramp-per-s=1000] [--model=gpt-4o] [--min-events=20] [--timeout-s=120]
import http from 'node:http';
import { parseArgs, loadTargets } from './lib.mjs';

const args = parseArgs();
const [t] = loadTargets({ ...args, stream: true });
const N = parseInt(args.n || '5000', 10);
const RAMP = parseInt(args['ramp-per-s'] || '1000', 10);
const MIN_EVENTS = parseInt(args['min-events'] || '20', 10);
const TIMEOUT = parseInt(args['timeout-s'] || '120', 10) * 1000;
const body = JSON.stringify({ model: args.model || 'gpt-4o', stream: true, stream_options: { include_usage: true },
  messages: [{ role: 'user', content: 'Tell me a slow story' }] });
const headers = { ...t.headers, 'content-length': Buffer.byteLength(body) };
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let active = 0, maxActive = 0, ok = 0;
const errors = {};
const fail = (why) => { errors[why] = (errors[why] || 0) + 1; };

function one() {
  return new Promise((resolve) => {
    let done = false;
    const finish = (why) => { if (done) return; done = true; active--; if (why) fail(why); else ok++; resolve(); };
    active++; maxActive = Math.max(maxActive, active);
    const req = http.request({ hostname: t.url.hostname, port: t.url.port, path: t.url.pathname, method: 'POST', headers, agent }, (res) => {
      if (res.statusCode !== 200) { res.resume(); return finish(`status_${res.statusCode}`); }
      let buf = '', events = 0, sawDone = false;
      res.setEncoding('utf8');
      res.on('data', (c) => {
        buf += c;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const ev = buf.slice(0, i); buf = buf.slice(i + 2);
          if (ev.startsWith('data: [DONE]')) sawDone = true; else if (ev.startsWith('data: ')) events++;
          if (ev.includes('"error"')) fail('in_band_error');
        }
      });
      res.on('end', () => finish(!sawDone ? 'no_done' : events < MIN_EVENTS ? 'too_few_events' : null));
      res.on('error', (e) => finish(`response_${e.code || e.message}`));
    });
    req.setTimeout(TIMEOUT, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => finish(`request_${e.code || e.message}`));
    req.end(body);
  });
}

const t0 = Date.now();
const all = [];
for (let i = 0; i < N; i++) {
  const due = t0 + (i * 1000) / RAMP;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  all.push(one());
}
await Promise.all(all);
const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ label: t.name, n: N, ok, errors: errorCount, error_kinds: errors,
  max_concurrent: maxActive, seconds: +((Date.now() - t0) / 1000).toFixed(1) }));
