#!/usr/bin/env node
// Turns one run's raw folder into the markdown results page: node report.mjs <raw dir> <mode>
import fs from 'node:fs';
import path from 'node:path';

const [dir, mode = 'full'] = process.argv.slice(2);
const read = (f) => { try { return fs.readFileSync(path.join(dir, f), 'utf8'); } catch { return ''; } };
const jsonl = (f) => read(f).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const json = (f) => { try { return JSON.parse(read(f)); } catch { return null; } };
const num = (x, d = 2) => (x === null || x === undefined || Number.isNaN(+x) ? 'n/a' : (+x).toFixed(d));
const ms = (x) => (x === null || x === undefined ? 'n/a' : `${(x / 1000).toFixed(2)} s`);
const verdict = (ok) => (ok === null || ok === undefined || Number.isNaN(ok) ? '–' : ok ? '✅ met' : '❌ missed');
const median = (xs) => { const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const TARGETS = ['gateway', 'bare', 'portkey', 'nginx'];

// One JSON line per target paired with the direct call (cold, steady, streaming).
function byTarget(f) {
  const out = {};
  for (const r of jsonl(f)) for (const [k, v] of Object.entries(r.targets)) if (k !== 'direct') out[k] = { ...v, direct: r.targets.direct, warmup: r.warmup, n: r.n };
  return out;
}
const cold = byTarget('cold.jsonl'), paired = byTarget('paired.jsonl'), stream = byTarget('paired-stream.jsonl');
const rotation = jsonl('rotation.jsonl')[0], rotationStream = jsonl('rotation-stream.jsonl')[0];
const added = (x, p) => x?.paired_added_ms?.[p] ?? null;
function wrk(name) {
  const t = read(`wrk-${name}.txt`);
  const t2ms = (s) => { const m = s && s.match(/([\d.]+)(us|ms|s)\b/); if (!m) return null; return +m[1] * ({ us: 1e-3, ms: 1, s: 1e3 })[m[2]]; };
  const line = (re) => (t.match(re) || [])[1];
  const errs = t.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return { rps: +(line(/Requests\/sec:\s+([\d.]+)/) || NaN), p50: t2ms(line(/\s50%\s+(\S+)/)), p99: t2ms(line(/\s99%\s+(\S+)/)),
    errors: +(line(/Non-2xx or 3xx responses: (\d+)/) || 0) + (errs ? errs.slice(1).reduce((a, b) => a + +b, 0) : 0) };
}
const w = Object.fromEntries(['direct', ...TARGETS].map((n) => [n, wrk(n)]));
const maxRss = (f) => { const xs = read(f).trim().split('\n').filter(Boolean).map(Number); return xs.length ? Math.max(...xs) / 1024 : null; };
const warm = (n) => read(`warmup-${n}.txt`).trim().split('\n').filter(Boolean).map(Number);
// Throughput of the first 30 s of load against the steady state (the mean of the last three rounds).
function rampUp(n) {
  const xs = warm(n);
  if (xs.length < 3) return null;
  const first = (xs[0] + xs[1] + xs[2]) / 3, steady = xs.slice(-3).reduce((a, b) => a + b, 0) / 3;
  return { first, steady, share: first / steady };
}
const ramp = Object.fromEntries(TARGETS.map((n) => [n, rampUp(n)]));
const runs = jsonl('startup-run.jsonl');
const startRun = { ready: median(runs.map((r) => r.ready_ms)), first: median(runs.map((r) => r.first_ms)), rss: median(runs.map((r) => r.idle_rss_mb)) };
const startT = Object.fromEntries(jsonl('startup-targets.jsonl').map((r) => [r.target, r]));
const soak = { gateway: json('soak-gateway.json'), portkey: json('soak-portkey.json') };
const live = parseInt(read('heap-live-gateway-soak.txt'), 10);
const fds = parseInt(read('fds-gateway-soak.txt'), 10);
const ooms = (read('gateway.log').match(/OutOfMemoryError/g) || []).length;
const xmx = (read('env.txt').match(/soak_xmx=(\S+)/) || read('env.txt').match(/gateway_xmx=(\S+)/) || [])[1] || '512m';
const env = read('env.txt').trim();
const agent = json('agent-counts.json') || {};

const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
const cellAdded = (x, p) => (added(x, p) === null ? 'n/a' : `+${num(added(x, p), 3)} ms`);
const withRatio = (x, p, pk) => { const r = ratio(added(x, p), added(pk, p)); return `${cellAdded(x, p)}${r === null ? '' : ` (${num(r, 2)}×)`}`; };
const rampCell = (n) => (ramp[n] ? `${num(ramp[n].first, 0)} of ${num(ramp[n].steady, 0)} req/s (${num(ramp[n].share * 100, 0)} %)` : 'n/a');
const wrkCell = (n) => `${num(w[n].rps, 0)} req/s (p50 ${num(w[n].p50)} / p99 ${num(w[n].p99)} ms; errors ${w[n].errors})`;
const soakCell = (x) => (x ? `${x.ok.toLocaleString('en')} ok / ${x.errors} errors${x.errors ? ' (' + Object.entries(x.error_kinds).map(([k, v]) => `${k} ${v}`).join(', ') + ')' : ''}; peak ${x.max_concurrent.toLocaleString('en')} open` : 'n/a');
const firstAnswer = (n) => (startT[n] ? ms(startT[n].first_ms) : 'n/a');
const rot = (run, n, p) => run?.targets[n]?.paired_added_ms?.[p] ?? null;
const rotRatio = ratio(rot(rotation, 'gateway', 'p50'), rot(rotation, 'portkey', 'p50'));
const tput = ratio(w.gateway.rps, w.portkey.rps);
const le = (a, b) => (a === null || b === null ? null : a <= b);

const rows = [
  ['1', 'start-up: launch → `/health` answered (`scripts/run.sh`, median of ' + runs.length + ')', '≤ 2 s', ms(startRun.ready),
    `${firstAnswer('portkey')} to its first answer`, `${firstAnswer('nginx')} to its first answer`, '–', verdict(le(startRun.ready, 2000))],
  ['1', 'start-up: launch → first `/qa` answered (the README\'s example)', '≤ 4 s', ms(startRun.first), '–', '–', '–', verdict(le(startRun.first, 4000))],
  ['2', `warm-up: added latency p50 over the first ${num(cold.gateway?.n ?? cold.portkey?.n, 0)} calls after start, c=1, paired`, '≤ Portkey\'s (cold)',
    cellAdded(cold.gateway, 'p50'), cellAdded(cold.portkey, 'p50'), cellAdded(cold.nginx, 'p50'), `${num(cold.gateway?.direct?.p50, 3)} ms total`,
    verdict(le(added(cold.gateway, 'p50'), added(cold.portkey, 'p50')))],
  ['2', 'warm-up: throughput in the first 30 s of wrk load, share of the steady state', '≥ 70 %', rampCell('gateway'), rampCell('portkey'), rampCell('nginx'), '–',
    verdict(ramp.gateway ? ramp.gateway.share >= 0.7 : null)],
  ['3', 'added latency p50, c=1, non-streaming (paired with the direct call)', '≤ 0.25× Portkey', withRatio(paired.gateway, 'p50', paired.portkey),
    cellAdded(paired.portkey, 'p50'), withRatio(paired.nginx, 'p50', paired.portkey), `${num(paired.gateway?.direct?.p50, 3)} ms total`,
    verdict(le(ratio(added(paired.gateway, 'p50'), added(paired.portkey, 'p50')), 0.25))],
  ['3', 'added latency p99, c=1, non-streaming (paired)', '≤ 0.4× Portkey', withRatio(paired.gateway, 'p99', paired.portkey),
    cellAdded(paired.portkey, 'p99'), withRatio(paired.nginx, 'p99', paired.portkey), `${num(paired.gateway?.direct?.p99, 3)} ms total`,
    verdict(le(ratio(added(paired.gateway, 'p99'), added(paired.portkey, 'p99')), 0.4))],
  ['3', 'added latency p50, four-way rotation (direct, ours, Portkey, nginx)', '≤ 0.35× Portkey',
    `+${num(rot(rotation, 'gateway', 'p50'), 3)} ms (${num(rotRatio, 2)}×)`, `+${num(rot(rotation, 'portkey', 'p50'), 3)} ms`,
    `+${num(rot(rotation, 'nginx', 'p50'), 3)} ms`, `${num(rotation?.targets.direct?.p50, 3)} ms total`, verdict(le(rotRatio, 0.35))],
  ['3', 'added time to first token p99, streaming (paired)', '≤ 0.1× Portkey', withRatio(stream.gateway, 'p99', stream.portkey),
    cellAdded(stream.portkey, 'p99'), withRatio(stream.nginx, 'p99', stream.portkey), `${num(stream.gateway?.direct?.p99, 3)} ms TTFB`,
    verdict(le(ratio(added(stream.gateway, 'p99'), added(stream.portkey, 'p99')), 0.1))],
  ['3', 'added time to first token p50 (paired; no target)', '–', withRatio(stream.gateway, 'p50', stream.portkey),
    cellAdded(stream.portkey, 'p50'), withRatio(stream.nginx, 'p50', stream.portkey), `${num(stream.gateway?.direct?.p50, 3)} ms TTFB`, '–'],
  ['3', `throughput, wrk 1 thread × ${(read('wrk-gateway.txt').match(/(\d+) connections/) || [])[1] || '?'} connections, instant upstream`, '≥ 5× Portkey',
    `${wrkCell('gateway')}, ${num(tput, 1)}×`, wrkCell('portkey'), `${wrkCell('nginx')}, ${num(ratio(w.nginx.rps, w.portkey.rps), 1)}×`, `${num(w.direct.rps, 0)} req/s`,
    verdict(tput === null ? null : tput >= 5)],
  ['4', 'RSS under the wrk load (max)', '≤ 600 MB', `${num(maxRss('rss-gateway-wrk.txt'), 0)} MB`, `${num(maxRss('rss-portkey-wrk.txt'), 0)} MB`,
    `${num(maxRss('rss-nginx-wrk.txt'), 0)} MB`, '–', verdict(le(maxRss('rss-gateway-wrk.txt'), 600))],
  ['4', 'RSS idle after start-up (`scripts/run.sh`, 10 s after the first `/qa`, median)', '≤ 300 MB', `${num(startRun.rss, 0)} MB`, '–', '–', '–', verdict(le(startRun.rss, 300))],
  ['4', `soak: ${soak.gateway?.n?.toLocaleString('en') || '?'} concurrent slow streams (20 deltas × 500 ms)`, '0 errors', soakCell(soak.gateway), soakCell(soak.portkey), '–', '–',
    verdict(soak.gateway ? soak.gateway.errors === 0 && soak.gateway.ok === soak.gateway.n : null)],
  ['4', 'soak: live heap with every stream open (after a full collection)', '≤ 512 MB',
    `${Number.isNaN(live) ? 'n/a' : live} MB (-Xmx${xmx}${ooms ? `; ${ooms} OutOfMemoryError lines` : ''}); ${num(maxRss('rss-gateway-soak.txt'), 0)} MB RSS; ${Number.isNaN(fds) ? '?' : fds} open files`,
    `${num(maxRss('rss-portkey-soak.txt'), 0)} MB RSS`, '–', '–', verdict(Number.isNaN(live) ? null : live <= 512 && ooms === 0)],
];

const out = [];
out.push(`# Gateway benchmark, ${path.basename(dir).replace(/-quick$/, '')} (\`bench/run.sh ${mode}\`)`, '');
out.push('Loopback, one run, same machine and fake upstream for every column. Our gateway: the packaged service started',
  'as `scripts/run.sh` starts it (command below) with `-javaagent:dd-java-agent.jar`, traces, LLM Observability and',
  'DogStatsD sent to a local fake agent, `LRCP_PROVIDER=openai` pointed at the fake upstream. Portkey: `@portkey-ai/gateway`',
  '1.15.2 from npm with the streaming pins. nginx: Debian\'s nginx-light with the shared kit\'s reverse-proxy template (the',
  'floor). "Added" columns are paired per request against calling the upstream directly; ratios in brackets are to',
  'Portkey\'s figure of the same run.', '');
out.push('| # | metric | target | our gateway | Portkey 1.15.2 | nginx (floor) | direct to upstream | verdict |', '|---|---|---|---|---|---|---|---|');
for (const r of rows) out.push(`| ${r.join(' | ')} |`);
out.push('');
out.push(`Start-up of each target before its cold calls (launch → first chat answer): ours ${firstAnswer('gateway')} (with dd-java-agent), ` +
  `without the agent ${firstAnswer('bare')}, Portkey ${firstAnswer('portkey')}, nginx ${firstAnswer('nginx')}. ` +
  `The README's command: ${runs.map((r) => `${ms(r.ready_ms)} / ${ms(r.first_ms)} / ${r.idle_rss_mb} MB`).join('; ')} (to \`/health\` / to the first \`/qa\` / RSS idle).`, '');
out.push(`Telemetry reaching the fake Datadog agent during the run: ${agent.trace_payloads ?? 'n/a'} trace payloads, ` +
  `${agent.llmobs_payloads ?? 'n/a'} LLM Observability/EVP payloads, ${agent.statsd_lines ?? 'n/a'} DogStatsD lines ` +
  `(${agent.statsd_packets ?? 'n/a'} packets).`);
const m = agent.metrics || {}, count = (k) => (m[`lrcp-gateway/${k}`] === undefined ? 'n/a' : Math.round(m[`lrcp-gateway/${k}`]).toLocaleString('en-US'));
out.push(`From our gateway's metrics: ${count('llm.request.latency_ms')} calls measured; ` +
  `${count('llm.semantic_similarity_score')} answers scored in the background and ` +
  `${count('llm.quality.unscored.count')} left unscored (CPU budget or queue; scoring is a sample under load); ` +
  `${count('llm.storage.written.count')} call records stored, ${count('llm.storage.dropped.count')} dropped.`, '');
if (paired.bare) {
  out.push('The same service without dd-java-agent, in the same run (DogStatsD metrics, JSON logs, stored records and ' +
    'sampled scoring on; no APM or LLM Observability spans). Not a target column: it shows what the agent costs.', '',
    '| metric | with dd-java-agent (above) | without | Portkey 1.15.2 |', '|---|---|---|---|',
    `| first ${num(cold.bare?.n, 0)} calls after start, added p50 | ${cellAdded(cold.gateway, 'p50')} | ${cellAdded(cold.bare, 'p50')} | ${cellAdded(cold.portkey, 'p50')} |`,
    `| first 30 s of load | ${rampCell('gateway')} | ${rampCell('bare')} | ${rampCell('portkey')} |`,
    `| added latency p50 / p99, c=1 | ${cellAdded(paired.gateway, 'p50')} / ${cellAdded(paired.gateway, 'p99')} | ${cellAdded(paired.bare, 'p50')} / ${cellAdded(paired.bare, 'p99')} | ${cellAdded(paired.portkey, 'p50')} / ${cellAdded(paired.portkey, 'p99')} |`,
    `| added time to first token p50 / p99 | ${cellAdded(stream.gateway, 'p50')} / ${cellAdded(stream.gateway, 'p99')} | ${cellAdded(stream.bare, 'p50')} / ${cellAdded(stream.bare, 'p99')} | ${cellAdded(stream.portkey, 'p50')} / ${cellAdded(stream.portkey, 'p99')} |`,
    `| throughput (wrk) | ${num(w.gateway.rps, 0)} req/s (${num(tput, 1)}×) | ${num(w.bare.rps, 0)} req/s (${num(ratio(w.bare.rps, w.portkey.rps), 1)}×; errors ${w.bare.errors}) | ${num(w.portkey.rps, 0)} req/s |`,
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
    `| ${admission.n} iterations | +${num(off.p50, 3)} / +${num(off.p99, 3)} ms | ${num(on.p50, 3)} / ${num(on.p99, 3)} ms | p50 ≤ 0.1 ms: ${verdict(on.p50 == null ? null : on.p50 <= 0.1)} |`, '');
}
if (rotation) {
  const a = (run, n) => (run?.targets[n]?.paired_added_ms ? `+${num(rot(run, n, 'p50'), 3)} / +${num(rot(run, n, 'p99'), 3)} ms` : 'n/a');
  const total = (run) => (run?.targets.direct ? `${num(run.targets.direct.p50, 3)} / ${num(run.targets.direct.p99, 3)} ms` : 'n/a');
  out.push('The four-way rotation, the shared kit\'s protocol: per iteration one request to the direct call, our gateway, ' +
    `Portkey and nginx, in rotating order (after the pairs, ${num(rotation.warmup, 0)} more iterations discarded). Between two ` +
    'of its calls each server waits while three others run on the same two cores, so its caches are cold; every column, ' +
    'the direct call included, is slower than in the pairs.', '',
    '| added p50 / p99, c=1 | our gateway | Portkey 1.15.2 | nginx | the direct call itself |', '|---|---|---|---|---|',
    `| non-streaming | ${a(rotation, 'gateway')} | ${a(rotation, 'portkey')} | ${a(rotation, 'nginx')} | ${total(rotation)} |`,
    `| time to first token | ${a(rotationStream, 'gateway')} | ${a(rotationStream, 'portkey')} | ${a(rotationStream, 'nginx')} | ${total(rotationStream)} |`, '');
}
const rounds = (n) => { const xs = warm(n); return xs.length ? `${xs.length} rounds: ${xs.join(', ')}` : 'n/a'; };
out.push('Warm-up (req/s in each 10 s round of wrk at the throughput load, after the cold calls, until the last three ' +
  'rounds are within 5 % of the three before them; the first three rounds are the first 30 s of load):', '',
  `- our gateway: ${rounds('gateway')}`, `- without dd-java-agent: ${rounds('bare')}`, `- Portkey: ${rounds('portkey')}`, `- nginx: ${rounds('nginx')}`,
  `- then, at c=1, the first ${num(paired.gateway?.warmup, 0)} paired iterations (${num(stream.gateway?.warmup, 0)} streaming) of every ` +
  'target, not counted: one call at a time takes other branches than many at once, and C2 compiles them anew', '');
out.push('Environment:', '', '```', env, '```', '');
process.stdout.write(out.join('\n'));
