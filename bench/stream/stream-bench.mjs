// /qa latency with 0 and with N open subscribers of GET /insights/stream, side by side.
// Phases alternate (0, N, 0, N, ...) so drift of the shared machine hits both columns alike.
// Usage: node stream-bench.mjs --base=http://127.0.0.1:PORT [--pid=SERVICE_PID] [--subscribers=1000]
//        [--calls=300] [--rounds=3] [--warmup=600]
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from '../lib.mjs';

const args = parseArgs();
const base = new URL(args.base);
const subscribers = Number(args.subscribers ?? 1000);
const calls = Number(args.calls ?? 300);
const rounds = Number(args.rounds ?? 3);
const warmup = Number(args.warmup ?? 600);
const pid = args.pid ? Number(args.pid) : null;
const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU time the service has used (user + system), in ms; null without --pid. */
function serviceCpuMs() {
  if (!pid) return null;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

const qaBody = JSON.stringify({
  question: 'What does the control plane measure?',
  document: 'The control plane measures latency, tokens, cost, grounding and security signals of every LLM call.',
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function qa() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = http.request(
      { host: base.hostname, port: base.port, path: '/qa', method: 'POST', agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(qaBody) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`/qa answered ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - start) / 1e6);
        });
      });
    req.on('error', reject);
    req.end(qaBody);
  });
}

/** Opens one stream; resolves once its `ready` event arrived. Counts the events it gets. */
function subscribe(stats) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: base.hostname, port: base.port, path: '/insights/stream', agent: false,
        headers: { Accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`/insights/stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        let ready = false;
        res.on('data', (chunk) => {
          const events = chunk.split('\n\n').filter((f) => f.includes('event: '));
          stats.events += events.length;
          if (!ready && chunk.includes('event: ready')) {
            ready = true;
            resolve(req);
          }
        });
        res.on('error', () => {});
      });
    req.on('error', reject);
  });
}

async function openAll(n) {
  const stats = { events: 0 };
  const requests = [];
  for (let i = 0; i < n; i += 50) { // in batches: a burst of 1,000 connects overflows the accept queue
    requests.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => subscribe(stats)))));
  }
  return { stats, close: () => requests.forEach((r) => r.destroy()) };
}

/** This client's own CPU in ms: it shares the cores with the service. */
const clientCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** n sequential /qa calls; also the service's CPU ms per second of wall time meanwhile. */
async function measure(n) {
  const out = [];
  const cpu0 = serviceCpuMs();
  const t0 = Date.now();
  for (let i = 0; i < n; i++) out.push(await qa());
  const cpu = cpu0 === null ? null : (serviceCpuMs() - cpu0) / ((Date.now() - t0) / 1000);
  return { latencies: out, cpu };
}

/** CPU ms per second of the service and of this client over `ms` without /qa calls. */
async function idleCpu(ms) {
  const service0 = serviceCpuMs();
  const client0 = clientCpuMs();
  await new Promise((r) => setTimeout(r, ms));
  return {
    service: service0 === null ? null : (serviceCpuMs() - service0) / (ms / 1000),
    client: (clientCpuMs() - client0) / (ms / 1000),
  };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (v) => v.toFixed(2).padStart(8);

await measure(warmup);
const columns = { without: [], with: [] };
const rows = [];
let eventsPerSubscriberPerSecond = 0;
const idle = { without: await idleCpu(5000), with: null };
for (let r = 0; r < rounds; r++) {
  const a = await measure(calls);
  const subs = await openAll(subscribers);
  if (r === 0) idle.with = await idleCpu(5000);
  const before = subs.stats.events;
  const started = Date.now();
  const b = await measure(calls);
  const seconds = (Date.now() - started) / 1000;
  eventsPerSubscriberPerSecond += (subs.stats.events - before) / subscribers / seconds / rounds;
  subs.close();
  await new Promise((r2) => setTimeout(r2, 1000)); // let the server see the closes
  columns.without.push(...a.latencies);
  columns.with.push(...b.latencies);
  rows.push([`round ${r + 1}`, a, b]);
}

const stat = (xs) => `${fmt(pct(xs, 50))}${fmt(pct(xs, 95))}${fmt(pct(xs, 99))}${fmt(xs.reduce((x, y) => x + y, 0) / xs.length)}`;
const cpuCol = (v) => (v === null || v === undefined ? '       –' : v.toFixed(0).padStart(8));
const head = `${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'mean'.padStart(8)}${'CPU'.padStart(8)}`;
console.log(`POST /qa at c=1, ${calls} calls per phase, phases alternating; latency in ms, service CPU in ms per second`);
console.log(`${''.padEnd(10)}| ${'0 subscribers'.padEnd(40)}| ${subscribers} subscribers`);
console.log(`${''.padEnd(10)}|${head}|${head}`);
for (const [label, a, b] of rows) {
  console.log(`${label.padEnd(10)}|${stat(a.latencies)}${cpuCol(a.cpu)}|${stat(b.latencies)}${cpuCol(b.cpu)}`);
}
console.log(`${'all'.padEnd(10)}|${stat(columns.without)}${cpuCol(null)}|${stat(columns.with)}${cpuCol(null)}`);
console.log(`CPU with no /qa calls, ms per second: service ${cpuCol(idle.without.service).trim()} with 0 subscribers, ${cpuCol(idle.with.service).trim()} with ${subscribers}; this client (the subscribers' end) ${cpuCol(idle.without.client).trim()} and ${cpuCol(idle.with.client).trim()}`);
console.log(`events received per subscriber per second while measuring: ${eventsPerSubscriberPerSecond.toFixed(2)}`);
