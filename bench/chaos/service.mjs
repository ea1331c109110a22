// The service under test: the packaged jar with dd-java-agent, started and stopped by PID, and its
// call records read back from H2 (the file, once the process is gone) or PostgreSQL (psql).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { KEY, sleep } from './client.mjs';

export const ADMIN_KEY = 'admin-chaos-7c1e';
const started = new Set();

export function freePort() {
  return new Promise((ok) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/**
 * Starts the jar; resolves once /health answers. `o`: {name, env, work, upstream, agent: {apm,
 * statsd}, h2Dir, pg: {url,user,password}, javaOptions, args}.
 */
export async function startService(cfg, o) {
  const main = await freePort();
  const plane = await freePort();
  const log = path.join(cfg.work, `${o.name}.log`);
  const env = {
    ...process.env,
    LRCP_PROVIDER: 'openai', LRCP_OPENAI_BASE_URL: `http://127.0.0.1:${cfg.upstreamPort}/v1`,
    LRCP_API_KEYS: KEY, LRCP_ADMIN_KEY: ADMIN_KEY,
    DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: String(cfg.agent.apm), DD_DOGSTATSD_PORT: String(cfg.agent.statsd),
    DD_SERVICE: 'lrcp-chaos', DD_ENV: 'chaos', DD_LLMOBS_ENABLED: 'true', DD_LLMOBS_ML_APP: 'lrcp-chaos',
    DD_INSTRUMENTATION_TELEMETRY_ENABLED: 'false',
    ...(o.pg ? { SPRING_DATASOURCE_URL: o.pg.url, SPRING_DATASOURCE_USERNAME: o.pg.user, SPRING_DATASOURCE_PASSWORD: o.pg.password } : {}),
    ...(o.env || {}),
  };
  const args = [
    `-javaagent:${cfg.agentJar}`, '-Xmx512m', ...(o.javaOptions || []), '-jar', cfg.jar,
    `--server.port=${main}`, '--server.address=127.0.0.1',
    `--lrcp.gateway.port=${plane}`, '--lrcp.gateway.address=127.0.0.1',
    `--lrcp.storage.directory=${o.h2Dir}`,
    // short enough that a dripping stream ends within the run, long enough for the latency spike
    '--lrcp.resilience.timeout=5s',
    // the breaker reopens to probes after 5 s, so each upstream fault starts from a closed breaker
    '--lrcp.resilience.breaker.open-duration=5s',
    ...(o.args || []),
  ];
  const out = fs.openSync(log, 'a');
  const t0 = Date.now();
  const child = spawn(cfg.java, args, { env, stdio: ['ignore', out, out], cwd: cfg.work });
  started.add(child);
  child.on('exit', () => started.delete(child));
  const svc = { name: o.name, child, pid: child.pid, main, plane, log, h2Dir: o.h2Dir, o };
  while (!(await healthy(main))) {
    if (child.exitCode !== null) throw new Error(`${o.name} exited during start-up; see ${log}`);
    if (Date.now() - t0 > 180_000) throw new Error(`${o.name} not healthy after 180 s; see ${log}`);
    await sleep(250);
  }
  svc.startMs = Date.now() - t0;
  return svc;
}

export function healthy(port) {
  return fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })
    .then((r) => r.status === 200).catch(() => false);
}

/** Sends `signal` and resolves the milliseconds until the process is gone. */
export async function stopService(svc, signal = 'SIGTERM', timeoutMs = 90_000) {
  const t0 = Date.now();
  if (svc.child.exitCode === null && svc.child.signalCode === null) {
    const gone = new Promise((ok) => svc.child.once('exit', ok));
    svc.child.kill(signal);
    const timer = setTimeout(() => svc.child.kill('SIGKILL'), timeoutMs);
    await gone;
    clearTimeout(timer);
  }
  return Date.now() - t0;
}

/** Kills whatever is still running (by the PIDs this run started). */
export function stopAll() {
  for (const c of started) c.kill('SIGKILL');
}

/** Call records of an H2 directory (the service must be stopped): Map prompt_id → row. */
export function h2Records(cfg, dir) {
  const csv = path.join(cfg.work, `records-${Date.now()}.csv`);
  const sql = `CALL CSVWRITE('${csv}', 'SELECT prompt_id, outcome, failure, retry_count, fallback_used, model FROM call_record')`;
  execFileSync(cfg.java, ['-cp', cfg.h2Jar, 'org.h2.tools.Shell', '-url', `jdbc:h2:file:${dir}/lrcp`, '-user', 'sa', '-password', '', '-sql', sql], { stdio: 'pipe' });
  return parseCsv(fs.readFileSync(csv, 'utf8'));
}

/** Call records in PostgreSQL through psql: Map prompt_id → row. */
export function pgRecords(pg) {
  const out = execFileSync('psql', [pg.psqlUrl, '-v', 'ON_ERROR_STOP=1', '-c',
    'COPY (SELECT prompt_id, outcome, failure, retry_count, fallback_used, model FROM call_record) TO STDOUT WITH CSV HEADER'], { encoding: 'utf8' });
  return parseCsv(out);
}

function parseCsv(text) {
  const lines = text.trim().split('\n');
  const head = lines.shift().split(',').map((h) => h.replace(/"/g, '').toLowerCase());
  const rows = new Map();
  for (const line of lines) {
    const cells = line.split(',').map((c) => c.replace(/"/g, ''));
    const row = Object.fromEntries(head.map((h, i) => [h, cells[i]]));
    rows.set(row.prompt_id, row);
  }
  return rows;
}

/** Acknowledged calls (the client got a response carrying an id) missing from `rows`. */
export function reconcile(results, rows) {
  const acked = results.filter((r) => r.id && r.status > 0);
  const missing = acked.filter((r) => !rows.has(r.id));
  return { acked: acked.length, found: acked.length - missing.length, missing: missing.length };
}

/** Lines of the service log matching `re`. */
export function logLines(svc, re) {
  return fs.readFileSync(svc.log, 'utf8').split('\n').filter((l) => re.test(l));
}

/** Sum of the N in the writer's "lost N call records" lines since byte `from` of the log. */
export function loggedDrops(svc, from = 0) {
  const text = fs.readFileSync(svc.log, 'utf8').slice(from);
  return [...text.matchAll(/lost (\d+) call records/g)].reduce((a, m) => a + Number(m[1]), 0);
}

/** A call to the main port with the admin key (or another `key`): {status, json}. */
export function api(svc, method, p, body, key = ADMIN_KEY) {
  return fetch(`http://127.0.0.1:${svc.main}${p}`, {
    method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  }).then(async (r) => ({ status: r.status, json: await r.json().catch(() => null) }));
}
