// The chaos run's Datadog steps: the Datadog API failing under the incident outbox (500s, then
// requests never answered, then recovered; every stored incident reconciled with what the fake API
// received), and the Datadog agent blackholed under load (accepts connections, never answers;
// DogStatsD datagrams dropped), compared with the same load against the healthy agent.
import fs from 'node:fs';
import net from 'node:net';
import dgram from 'node:dgram';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chat, post, pool, statuses, sleep } from './client.mjs';
import { startService, stopService, freePort, ADMIN_KEY } from './service.mjs';
import { startFakeDatadog } from './fake-datadog-api.mjs';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const spread = (xs) => `p50 ${pct(xs, 50)} ms, p99 ${pct(xs, 99)} ms, max ${pct(xs, 100)} ms`;

/** A timed call to the main port's API with the admin key: {status, json, ms}. */
async function timed(svc, method, p, body) {
  const t0 = Date.now();
  try {
    const r = await fetch(`http://127.0.0.1:${svc.main}${p}`, {
      method, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(30_000),
    });
    return { status: r.status, json: await r.json().catch(() => null), ms: Date.now() - t0 };
  } catch (e) {
    return { status: 0, json: null, ms: Date.now() - t0, hang: e.name === 'TimeoutError' };
  }
}

/** Rows of an H2 query (the service must be stopped), as objects with lower-case keys. */
function h2Query(cfg, dir, select) {
  const csv = path.join(cfg.work, `query-${Date.now()}.csv`);
  execFileSync(cfg.java, ['-cp', cfg.h2Jar, 'org.h2.tools.Shell', '-url', `jdbc:h2:file:${dir}/lrcp`, '-user', 'sa', '-password', '',
    '-sql', `CALL CSVWRITE('${csv}', '${select.replace(/'/g, "''")}')`], { stdio: 'pipe' });
  const [head, ...lines] = fs.readFileSync(csv, 'utf8').trim().split('\n');
  const keys = head.split(',').map((h) => h.replace(/"/g, '').toLowerCase());
  return lines.filter(Boolean).map((l) => Object.fromEntries(l.split(',').map((c, i) => [keys[i], c.replace(/"/g, '')])));
}

// --- the Datadog API failing under the incident outbox -------------------------------------------

/**
 * Opens, acknowledges and resolves incidents through the API for `seconds` while `dd.mode` holds,
 * with a light chat load on the data plane; resolves the timed API calls and the chat results.
 */
async function incidentTraffic(svc, tag, seconds, count) {
  const api = [];
  const chats = [];
  const opened = [];
  const deadline = Date.now() + seconds * 1000;
  const every = (seconds * 1000) / count;
  const chatLoad = (async () => {
    while (Date.now() < deadline) {
      chats.push(await post(svc.plane, '/v1/chat/completions', chat('gpt-4o-mini', false).body));
      await sleep(200);
    }
  })();
  for (let i = 0; i < count; i++) {
    const next = Date.now() + every;
    const created = await timed(svc, 'POST', '/incidents/create', {
      monitor_name: `chaos datadog api ${tag} ${i}`, alert_message: `opened while the Datadog API is ${tag}`,
      runbook: '1. check the outbox\n2. wait for delivery', severity: i % 3 === 0 ? 'SEV-1' : 'SEV-2',
    });
    api.push({ op: 'create', ...created });
    if (created.json?.incident?.id) opened.push(created.json.incident.id);
    // half of them acknowledged, a quarter resolved: updates queued behind their creates
    if (i % 2 === 1) api.push({ op: 'acknowledge', ...(await timed(svc, 'POST', `/incidents/${opened[opened.length - 2]}/acknowledge`)) });
    if (i % 4 === 3) api.push({ op: 'resolve', ...(await timed(svc, 'POST', `/incidents/${opened[opened.length - 1]}/resolve`)) });
    api.push({ op: 'status', ...(await timed(svc, 'GET', '/incidents/status')) });
    await sleep(Math.max(0, next - Date.now()));
  }
  await sleep(Math.max(0, deadline - Date.now()));
  await chatLoad;
  return { api, chats, opened };
}

const backlog = async (svc) => (await timed(svc, 'GET', '/incidents/status')).json?.sink ?? {};

async function drained(svc, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const s = await backlog(svc);
    if (s.pending_deliveries === 0) return { ms: Date.now() - t0, sink: s };
    if (Date.now() - t0 > timeoutMs) return { ms: null, sink: s };
    await sleep(500);
  }
}

const DD_STATE = { open: 'active', acknowledged: 'stable', resolved: 'resolved' };

export async function datadogApiOutage({ cfg, quick, row, say }) {
  const P = quick ? { phase: 30, incidents: 8 } : { phase: 120, incidents: 30 };
  const dd = await startFakeDatadog(await freePort());
  const dir = path.join(cfg.work, 'h2-datadog-api');
  let svc;
  try {
    svc = await startService(cfg, {
      name: 'chaos-datadog-api', h2Dir: dir,
      // dummy keys: the sink only needs both to be set; the API is the fake on loopback
      env: { DD_API_KEY: 'chaos-dummy-api-key', DD_APP_KEY: 'chaos-dummy-app-key' },
      args: [`--lrcp.incidents.delivery.datadog-api-url=${dd.url}`],
    });
    const status = await timed(svc, 'GET', '/incidents/status');
    if (status.json?.api_configured !== true) throw new Error(`sink not configured: ${JSON.stringify(status.json)}`);

    const healthy = await incidentTraffic(svc, 'healthy', 10, 3);
    const before = await drained(svc, 30_000);
    if (before.ms === null) throw new Error(`healthy fake API, yet ${before.sink.pending_deliveries} deliveries pending: ${before.sink.last_error}`);
    say(`datadog api: healthy phase delivered (${dd.creates.length} creates)`);

    dd.mode = 'http500';
    const storm = await incidentTraffic(svc, 'http500', P.phase, P.incidents);
    const afterStorm = await backlog(svc);
    dd.mode = 'timeout';
    const hang = await incidentTraffic(svc, 'timeout', P.phase, P.incidents);
    const afterHang = await backlog(svc);
    const heldAtRecovery = dd.held.size;
    dd.mode = 'healthy';
    const recoveredAt = Date.now();
    say(`datadog api: recovered; ${afterHang.pending_deliveries} deliveries pending, ${heldAtRecovery} requests held open`);
    const drainStart = Date.now();
    const drain = await drained(svc, 12 * 60_000); // the outbox's longest backoff is 10 min
    const exitMs = await stopService(svc, 'SIGTERM');

    const incidents = h2Query(cfg, dir, 'SELECT id, status, external_id FROM incident');
    const outbox = h2Query(cfg, dir, 'SELECT incident_id, action, attempts, delivered_at_ms FROM incident_outbox');
    const createsOf = new Map();
    for (const c of dd.creates) createsOf.set(c.ours, [...(createsOf.get(c.ours) || []), c]);
    const missing = incidents.filter((i) => !createsOf.has(i.id)).length;
    const duplicated = incidents.filter((i) => (createsOf.get(i.id) || []).length > 1).length;
    const stored = new Set(incidents.map((i) => i.id));
    const strangers = dd.creates.filter((c) => !stored.has(c.ours)).length;
    const linked = incidents.filter((i) => (createsOf.get(i.id) || []).some((c) => i.external_id === `incident:${c.ddId}`)).length;
    const stateMatches = incidents.filter((i) => {
      const c = (createsOf.get(i.id) || [])[0];
      return c && dd.incidents.get(c.ddId)?.fields?.state?.value === DD_STATE[i.status];
    }).length;
    const undelivered = outbox.filter((o) => !o.delivered_at_ms).length;
    const attempts = outbox.map((o) => Number(o.attempts));
    const outage = [...storm.api, ...hang.api];
    const sent = (mode) => Object.entries(dd.received[mode] || {}).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
    const partial = dd.events.length ? `; ${dd.events.length} delivered as events` : '';
    row({
      scenario: 'dependency: Datadog API 500s, then timeouts',
      injected: `fake Datadog API (incidents v2, events v1): 500 on every call for ${P.phase} s, then every request read and never answered for ${P.phase} s, then healthy`,
      load: `${storm.opened.length + hang.opened.length} incidents opened during the outage (half acknowledged, a quarter resolved: ${outbox.length} outbox rows in all), ${P.phase * 2} s of /v1/chat/completions one at a time`,
      client: [
        `incident API during the outage: status ${statuses(outage)}, ${spread(outage.map((x) => x.ms))} (healthy: ${spread(healthy.api.map((x) => x.ms))})`,
        `chat during the outage: status ${statuses([...storm.chats, ...hang.chats])}, ${spread([...storm.chats, ...hang.chats].map((x) => x.ms))}`,
        `sink attempts: 500s: ${sent('http500')}; timeouts: ${sent('timeout')}, each closed by the service after ${spread(dd.holds)}, ${heldAtRecovery} still open at recovery`,
        `pending: ${afterStorm.pending_deliveries} after the 500s, ${afterHang.pending_deliveries} after the timeouts`,
        drain.ms === null ? `NOT drained 12 min after recovery (${drain.sink.pending_deliveries} pending)` : `outbox drained ${((drainStart - recoveredAt + drain.ms) / 1000).toFixed(1)} s after recovery`,
        `attempts per outbox row max ${Math.max(...attempts)}; ${dd.unauthorised} calls without keys; stopped in ${exitMs} ms`,
      ].join('; '),
      lost: `${incidents.length} stored incidents: ${incidents.length - missing - duplicated} created exactly once at the fake, ${missing} missing, ${duplicated} duplicated, ${strangers} creates not matching a stored incident${partial}; ${linked} external ids match; ${stateMatches}/${incidents.length} states match after the updates; ${undelivered} outbox rows undelivered`,
    });
  } finally {
    if (svc) await stopService(svc, 'SIGKILL');
    await dd.close();
  }
}

// --- the Datadog agent blackholed ------------------------------------------------------------------

/** Accepts TCP on `port` and never answers; binds UDP `statsdPort` and drops every datagram. */
function startBlackhole(port, statsdPort) {
  const bh = { connections: 0, bytes: 0, datagrams: 0, sockets: new Set() };
  const server = net.createServer((s) => {
    bh.connections++; bh.sockets.add(s);
    s.on('data', (d) => { bh.bytes += d.length; });
    s.on('error', () => {});
    s.on('close', () => bh.sockets.delete(s));
  });
  const udp = dgram.createSocket('udp4');
  udp.on('message', () => { bh.datagrams++; });
  bh.close = () => new Promise((ok) => {
    for (const s of bh.sockets) s.destroy();
    udp.close();
    server.close(ok);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => udp.bind(statsdPort, '127.0.0.1', () => ok(bh))));
}

/** JSON and streams, on the data plane and the main port, in turn. */
function mixedCall(svc, i) {
  const port = i % 4 < 2 ? svc.plane : svc.main;
  return post(port, '/v1/chat/completions', chat('gpt-4o-mini', i % 2 === 1).body).then((r) => ({ ...r, port: port === svc.plane ? 'plane' : 'main' }));
}

const agentCounts = (cfg) => fetch(`http://127.0.0.1:${cfg.agent.apm}/counts`, { signal: AbortSignal.timeout(2000) })
  .then((r) => r.json()).catch(() => null);

const summary = (results) => {
  const ok = results.filter((r) => r.status === 200 && (!r.sse || r.done));
  return `status ${statuses(results)}, ${results.filter((r) => r.sse && !r.done).length} streams without [DONE], ${spread(results.map((r) => r.ms))}, ${results.filter((r) => r.hang).length} hung (${ok.length}/${results.length} complete)`;
};

/** Batches of `calls` calls, 8 at once, until `seconds` have passed: every result. */
async function phase(svc, calls, seconds) {
  const t0 = Date.now();
  const out = [];
  do out.push(...(await pool(calls, 8, (i) => mixedCall(svc, i))));
  while (Date.now() - t0 < seconds * 1000);
  return out;
}

export async function agentBlackholed({ cfg, svc, quick, row, say, startAgent, stopAgent }) {
  const calls = 200;
  // each phase long enough for the tracer's flushes and its agent timeouts to come round several
  // times; the same load with the agent healthy before and after, so the JIT's warm-up shows
  const hold = quick ? 30 : 120;
  await phase(svc, calls, 20); // warms both ports
  const healthy = await phase(svc, calls, hold);
  await stopAgent();
  const bh = await startBlackhole(cfg.agent.apm, cfg.agent.statsd);
  const t0 = Date.now();
  let during;
  try {
    during = await phase(svc, calls, hold);
  } finally {
    await bh.close();
  }
  const heldMs = Date.now() - t0;
  await startAgent();
  const restored = Date.now();
  let resumed = null;
  let counts = null;
  while (Date.now() - restored < 120_000) {
    await pool(16, 8, (i) => mixedCall(svc, i));
    counts = await agentCounts(cfg);
    if (counts && counts.trace_payloads > 0 && counts.llmobs_payloads > 0 && counts.statsd_packets > 0) { resumed = Date.now() - restored; break; }
    await sleep(1000);
  }
  const again = await phase(svc, calls, hold);
  say(`agent blackhole: ${bh.connections} connections, ${bh.bytes} bytes, ${bh.datagrams} datagrams swallowed`);
  row({
    scenario: 'dependency: Datadog agent blackholed',
    injected: `the fake agent replaced for ${(heldMs / 1000).toFixed(0)} s by a listener that accepts TCP on the APM port and never answers, and a UDP socket that drops DogStatsD (the tracer opened ${bh.connections} connections to it and sent ${(bh.bytes / 1e6).toFixed(1)} MB; ${bh.datagrams} datagrams dropped), then the fake agent again`,
    load: `batches of ${calls} calls, 8 at once, for ${hold} s each: against the healthy agent (after 20 s to warm up; ${healthy.length} calls), during the blackhole (${during.length}), once the agent was back (${again.length}); JSON and streams, data plane and main port`,
    client: `healthy agent: ${summary(healthy)}; blackholed: ${summary(during)}; agent back: ${summary(again)}; p99 per port, healthy → blackholed → back: data plane ${[healthy, during, again].map((rs) => pct(rs.filter((r) => r.port === 'plane').map((r) => r.ms), 99)).join(' → ')} ms, main ${[healthy, during, again].map((rs) => pct(rs.filter((r) => r.port === 'main').map((r) => r.ms), 99)).join(' → ')} ms`,
    lost: resumed === null
      ? `telemetry NOT resumed 120 s after the agent came back (agent saw ${JSON.stringify({ traces: counts?.trace_payloads, llmobs: counts?.llmobs_payloads, statsd: counts?.statsd_packets })})`
      : `telemetry during the blackhole (by design: never buffered); traces, LLM Obs and DogStatsD at the agent again ${(resumed / 1000).toFixed(1)} s after it came back (${counts.trace_payloads} trace payloads, ${counts.llmobs_payloads} LLM Obs, ${counts.statsd_packets} DogStatsD packets by then)`,
  });
}
