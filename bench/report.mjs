#!/usr/bin/env node
// Turns one run's raw folder into the markdown results page: node report.mjs <raw dir> <mode>
import fs from 'node:fs';
import path from 'node:path';

const [dir, mode = 'full'] = process.argv.slice(2);
const read = (f) => { try { return fs.readFileSync(path.join(dir, f), 'utf8'); } catch { return ''; } };
const jsonl = (f) => read(f).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const num = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : (+x).toFixed(d));
const mark = (ok) => (ok === null ? '–' : ok ? '✅ met' : '❌ missed');

// One line per gateway paired with the direct call; the direct column is the one beside our gateway.
function pairs(f) {
  const runs = jsonl(f), targets = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.targets)) if (k !== 'direct' || r.targets.gateway) targets[k] = v;
  return { warmup: runs[0]?.warmup, targets };
}
const pairedRun = pairs('paired.jsonl'), streamRun = pairs('paired-stream.jsonl');
const paired = pairedRun.targets, stream = streamRun.targets;
const rotationRun = jsonl('rotation.jsonl')[0], rotationStream = jsonl('rotation-stream.jsonl')[0];
function wrk(name) {
  const t = read(`wrk-${name}.txt`);
  const ms = (s) => { const m = s && s.match(/([\d.]+)(us|ms|s)\b/); if (!m) return null; return +m[1] * ({ us: 1e-3, ms: 1, s: 1e3 })[m[2]]; };
  const line = (re) => (t.match(re) || [])[1];
  const errs = t.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return { rps: +(line(/Requests\/sec:\s+([\d.]+)/) || NaN), p50: ms(line(/\s50%\s+(\S+)/)), p99: ms(line(/\s99%\s+(\S+)/)),
    non2xx: +(line(/Non-2xx or 3xx responses: (\d+)/) || 0), socketErrors: errs ? errs.slice(1).reduce((a, b) => a + +b, 0) : 0 };
}
const maxRss = (f) => { const xs = read(f).trim().split('\n').filter(Boolean).map(Number); return xs.length ? Math.max(...xs) / 1024 : null; };
// jstat -gc samples: peak heap in use (eden garbage included: G1 lets eden fill the heap before a
// young collection) and GC seconds spent.
function heap(f) {
  const rows = read(f).trim().split('\n').map((l) => l.trim().split(/\s+/));
  if (rows.length < 2) return null;
  const h = rows[0], idx = (c) => h.indexOf(c);
  const ok = rows.slice(1).filter((r) => r.length === h.length && !Number.isNaN(+r[0]));
  if (!ok.length) return null;
  const sum = (r, cs) => cs.reduce((a, c) => a + +r[idx(c)], 0) / 1024;
  return { peak: Math.max(...ok.map((r) => sum(r, ['S0U', 'S1U', 'EU', 'OU']))),
    gcSeconds: +ok[ok.length - 1][idx('GCT')] - +ok[0][idx('GCT')] };
}
const soak = (n) => { try { return JSON.parse(read(`soak-${n}.json`)); } catch { return null; } };
const w = { direct: wrk('direct'), gateway: wrk('gateway'), portkey: wrk('portkey') };
const s = { gateway: soak('gateway'), portkey: soak('portkey') };
const g = paired.gateway?.paired_added_ms || {}, p = paired.portkey?.paired_added_ms || {};
const gs = stream.gateway?.paired_added_ms || {}, ps = stream.portkey?.paired_added_ms || {};
const ratio = w.gateway.rps / w.portkey.rps;
const heapPeak = heap('heap-gateway-soak.txt');
const ooms = (read('gateway.log').match(/OutOfMemoryError/g) || []).length;
const xmx = parseInt((read('env.txt').match(/gateway_xmx=(\d+)m/) || [])[1] || '512', 10);
// Held within the cap: no OutOfMemoryError, and the live heap with every stream open (measured
// after one full collection at the peak) below -Xmx.
const live = parseInt(read('heap-live-gateway-soak.txt'), 10);
const heapOk = heapPeak == null || Number.isNaN(live) ? null : live < xmx && ooms === 0;
const env = read('env.txt').trim();
const agent = (() => { try { return JSON.parse(read('agent-counts.json')); } catch { return {}; } })();
const soakCell = (x) => (x ? `${x.ok.toLocaleString('en')} ok / ${x.errors} errors${x.errors ? ' (' + Object.entries(x.error_kinds).map(([k, v]) => `${k} ${v}`).join(', ') + ')' : ''}; peak ${x.max_concurrent.toLocaleString('en')} open; ${x.seconds} s` : 'n/a');

const rows = [
  ['(a) added latency p50, c=1, non-streaming (paired vs direct)', '≤ 0.5 ms', `+${num(g.p50, 3)} ms`, `+${num(p.p50, 3)} ms`, `${num(paired.direct?.p50, 3)} ms total`, mark(g.p50 == null ? null : g.p50 <= 0.5)],
  ['(a) added latency p99, c=1, non-streaming (paired vs direct)', '≤ 3 ms', `+${num(g.p99, 3)} ms`, `+${num(p.p99, 3)} ms`, `${num(paired.direct?.p99, 3)} ms total`, mark(g.p99 == null ? null : g.p99 <= 3)],
  ['(b) added time to first token p50, streaming (paired)', '≤ 2 ms', `+${num(gs.p50, 3)} ms`, `+${num(ps.p50, 3)} ms`, `${num(stream.direct?.p50, 3)} ms TTFB`, mark(gs.p50 == null ? null : gs.p50 <= 2)],
  ['(b) added time to first token p99, streaming (paired)', '≤ 2 ms', `+${num(gs.p99, 3)} ms`, `+${num(ps.p99, 3)} ms`, `${num(stream.direct?.p99, 3)} ms TTFB`, mark(gs.p99 == null ? null : gs.p99 <= 2)],
  ['(c) max throughput, wrk 1 thread × 64 connections, instant upstream', '≥ 3× Portkey', `${num(w.gateway.rps, 0)} req/s (p50 ${num(w.gateway.p50)} / p99 ${num(w.gateway.p99)} ms; errors ${w.gateway.non2xx + w.gateway.socketErrors})`, `${num(w.portkey.rps, 0)} req/s (p50 ${num(w.portkey.p50)} / p99 ${num(w.portkey.p99)} ms; errors ${w.portkey.non2xx + w.portkey.socketErrors})`, `${num(w.direct.rps, 0)} req/s`, `${mark(ratio >= 3)} (${num(ratio, 1)}×)`],
  ['(d) RSS under the wrk load (max)', '–', `${num(maxRss('rss-gateway-wrk.txt'), 0)} MB`, `${num(maxRss('rss-portkey-wrk.txt'), 0)} MB`, '–', '–'],
  [`(e) soak: ${s.gateway?.n?.toLocaleString('en') || '?'} concurrent slow streams (20 deltas × 500 ms)`, 'no errors', soakCell(s.gateway), soakCell(s.portkey), '–', mark(s.gateway ? s.gateway.errors === 0 && s.gateway.ok === s.gateway.n : null)],
  ['(e) soak: heap / RSS', 'heap ≤ 512 MB', `${Number.isNaN(live) ? 'n/a' : live} MB live with all streams open; peak ${num(heapPeak?.peak, 0)} MB in use (garbage included), ${num(heapPeak?.gcSeconds, 1)} s in GC (-Xmx${xmx}m${ooms ? `, exhausted: ${ooms} OutOfMemoryError lines in the log` : ''}) / ${num(maxRss('rss-gateway-soak.txt'), 0)} MB RSS`, `${num(maxRss('rss-portkey-soak.txt'), 0)} MB RSS`, '–', mark(heapOk)],
];
const out = [];
out.push(`# Gateway benchmark, ${path.basename(dir)} (\`bench/run.sh ${mode}\`)`, '');
out.push('Loopback, one run, same machine and fake upstream for every column. Our gateway: packaged jar with',
  '`-javaagent:dd-java-agent.jar`, traces, LLM Observability and DogStatsD sent to a local fake agent,',
  '`LRCP_PROVIDER=openai` pointed at the fake upstream. Portkey: `@portkey-ai/gateway` 1.15.2 from npm with the',
  'streaming pins. "Added" columns are paired per request against calling the upstream directly: each gateway',
  'alternates with the direct call, one request each, while the others stand idle.', '');
out.push('| metric | target | our gateway | Portkey 1.15.2 | direct to upstream | our target |', '|---|---|---|---|---|---|');
for (const r of rows) out.push(`| ${r.join(' | ')} |`);
out.push('', `Telemetry reaching the fake Datadog agent during the run: ${agent.trace_payloads ?? 'n/a'} trace payloads, ` +
  `${agent.llmobs_payloads ?? 'n/a'} LLM Observability/EVP payloads, ${agent.statsd_lines ?? 'n/a'} DogStatsD lines ` +
  `(${agent.statsd_packets ?? 'n/a'} packets).`);
const m = agent.metrics || {}, count = (k) => (m[`lrcp-gateway/${k}`] === undefined ? 'n/a' : Math.round(m[`lrcp-gateway/${k}`]).toLocaleString('en-US'));
out.push(`From our gateway's metrics: ${count('llm.request.latency_ms')} calls measured; ` +
  `${count('llm.semantic_similarity_score')} answers scored in the background and ` +
  `${count('llm.quality.unscored.count')} left unscored (CPU budget or queue; scoring is a sample under load); ` +
  `${count('llm.storage.written.count')} call records stored, ${count('llm.storage.dropped.count')} dropped.`, '');
const b = paired.bare?.paired_added_ms || {}, bs = stream.bare?.paired_added_ms || {}, wb = wrk('bare');
if (paired.bare) {
  out.push('The same jar without dd-java-agent, in the same run (DogStatsD metrics, JSON logs, stored records and ' +
    'sampled scoring on; no APM or LLM Observability spans). Not a target column: it shows what the agent costs.', '',
    '| metric | with dd-java-agent (above) | without | Portkey 1.15.2 |', '|---|---|---|---|',
    `| added latency p50 / p99, c=1 | +${num(g.p50, 3)} / +${num(g.p99, 3)} ms | +${num(b.p50, 3)} / +${num(b.p99, 3)} ms | +${num(p.p50, 3)} / +${num(p.p99, 3)} ms |`,
    `| added time to first token p50 / p99 | +${num(gs.p50, 3)} / +${num(gs.p99, 3)} ms | +${num(bs.p50, 3)} / +${num(bs.p99, 3)} ms | +${num(ps.p50, 3)} / +${num(ps.p99, 3)} ms |`,
    `| throughput (wrk -c64) | ${num(w.gateway.rps, 0)} req/s (${num(ratio, 1)}×) | ${num(wb.rps, 0)} req/s (${num(wb.rps / w.portkey.rps, 1)}×; errors ${wb.non2xx + wb.socketErrors}) | ${num(w.portkey.rps, 0)} req/s |`,
    `| RSS under that load | ${num(maxRss('rss-gateway-wrk.txt'), 0)} MB | ${num(maxRss('rss-bare-wrk.txt'), 0)} MB | ${num(maxRss('rss-portkey-wrk.txt'), 0)} MB |`, '');
}
const admission = jsonl('admission.jsonl')[0];
if (admission) {
  const off = admission.targets.gateway?.paired_added_ms || {}, on = admission.targets.admit?.paired_added_ms || {};
  out.push('Admission cost, same run, same gateway process: per iteration one direct call, one call with a static key ' +
    '(budgets and limits off) and one with a virtual key whose budgets (key and application, per day and month) and ' +
    'rate limits (requests and tokens per minute, key and application) are on but far from binding, in rotating order ' +
    `(${num(admission.warmup, 0)} iterations discarded first). "On minus off" is paired per iteration.`, '',
    '| c=1, non-streaming | added p50 / p99 vs direct, limits off | on minus off, p50 / p99 (paired) | target |', '|---|---|---|---|',
    `| ${admission.n} iterations | +${num(off.p50, 3)} / +${num(off.p99, 3)} ms | ${num(on.p50, 3)} / ${num(on.p99, 3)} ms | p50 ≤ 0.1 ms: ${mark(on.p50 == null ? null : on.p50 <= 0.1)} |`, '');
}
if (rotationRun) {
  const added = (run, n) => { const a = run?.targets[n]?.paired_added_ms; return a ? `+${num(a.p50, 3)} / +${num(a.p99, 3)} ms` : 'n/a'; };
  const total = (run) => (run?.targets.direct ? `${num(run.targets.direct.p50, 3)} / ${num(run.targets.direct.p99, 3)} ms` : 'n/a');
  out.push('All four in one rotation, the shared kit\'s protocol: per iteration one request to the direct call, ' +
    'our gateway, Portkey and our gateway without the agent, in rotating order (after the pairs, ' +
    `${num(rotationRun.warmup, 0)} more iterations discarded). Between two of its calls each server waits while three ` +
    'others run on the same two cores, so its caches are cold; every column, the direct call included, is slower than in the pairs above.', '',
    '| added p50 / p99, c=1 | our gateway | without the agent | Portkey 1.15.2 | the direct call itself |', '|---|---|---|---|---|',
    `| non-streaming | ${added(rotationRun, 'gateway')} | ${added(rotationRun, 'bare')} | ${added(rotationRun, 'portkey')} | ${total(rotationRun)} |`,
    `| time to first token | ${added(rotationStream, 'gateway')} | ${added(rotationStream, 'bare')} | ${added(rotationStream, 'portkey')} | ${total(rotationStream)} |`, '');
}
const warm = (n) => read(`warmup-${n}.txt`).trim().split('\n').filter(Boolean).map(Number);
const warmCell = (xs) => (xs.length ? `${xs.length} rounds: ${xs.join(', ')}` : 'n/a');
out.push('Warm-up before measuring (req/s in each 10 s round of wrk at the throughput load, until the last ' +
  'three rounds are within 5 % of the three before them):', '', `- our gateway: ${warmCell(warm('gateway'))}`,
  ...(paired.bare ? [`- without dd-java-agent: ${warmCell(warm('bare'))}`] : []), `- Portkey: ${warmCell(warm('portkey'))}`,
  `- then, at c=1, the first ${num(pairedRun.warmup, 0)} paired iterations (${num(streamRun.warmup, 0)} streaming) of every ` +
  'target, not counted: one call at a time takes other branches than 64 at once, and C2 compiles them anew', '');
out.push('Environment:', '', '```', env, '```', '');
process.stdout.write(out.join('\n'));
