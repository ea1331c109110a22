#!/usr/bin/env node
// Fake Datadog Agent on 127.0.0.1, so the service runs with full telemetry (dd-java-agent traces
// and LLM Observability over HTTP, DogStatsD over UDP) and the payloads are counted, not dropped.
//   node fake-dd-agent.mjs [--apm-port=18126] [--statsd-port=18125] [--dump=FILE]; GET /counts for
// the tallies. --dump appends every payload (decompressed) to FILE, for the chaos run's secret scan.
import http from 'node:http';
import dgram from 'node:dgram';
import fs from 'node:fs';
import zlib from 'node:zlib';

const arg = (k, d) => (process.argv.find((a) => a.startsWith(`--${k}=`)) || `=${d}`).split('=')[1];
const APM = parseInt(arg('apm-port', '18126'), 10);
const STATSD = parseInt(arg('statsd-port', '18125'), 10);
const DUMP = arg('dump', '');
const dump = (buf, encoding) => {
  if (!DUMP) return;
  let out = buf;
  try { if (encoding === 'gzip') out = zlib.gunzipSync(buf); else if (encoding === 'deflate') out = zlib.inflateSync(buf); } catch { /* kept as sent */ }
  fs.appendFileSync(DUMP, out);
};
const counts = { http_requests: 0, trace_payloads: 0, llmobs_payloads: 0, statsd_packets: 0, statsd_lines: 0, paths: {}, metrics: {}, gauges: {} };
// The last value of these gauges (the chaos run's soak samples the service's queues through them).
const LAST = new Set(['llm.storage.queue_depth']);
// Tallied DogStatsD metrics, per service tag ("service/name"): a count adds its values, anything
// else its number of samples, both divided by the sample rate (name:v1[:v2...]|type[|@rate][|#tags]).
const TALLIED = new Set(['llm.semantic_similarity_score', 'llm.quality.unscored.count',
  'llm.storage.written.count', 'llm.storage.dropped.count', 'llm.request.latency_ms']);
const tally = (line) => {
  const [head, type, ...rest] = line.split('|');
  const values = head.split(':'), name = values.shift();
  if (LAST.has(name)) counts.gauges[name] = parseFloat(values.at(-1));
  if (!TALLIED.has(name)) return;
  const rate = parseFloat((rest.find((r) => r.startsWith('@')) || '@1').slice(1)) || 1;
  const service = ((rest.find((r) => r.startsWith('#')) || '').match(/(?:^#|,)service:([^,]+)/) || [])[1] || '-';
  const n = type === 'c' ? values.reduce((a, v) => a + parseFloat(v), 0) : values.length;
  const key = `${service}/${name}`;
  counts.metrics[key] = (counts.metrics[key] || 0) + n / rate;
};

http.createServer((req, res) => {
  const parts = [];
  req.on('data', (c) => { parts.push(c); });
  req.on('end', () => {
    dump(Buffer.concat(parts), req.headers['content-encoding']);
    if (req.url === '/counts') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(counts));
    }
    counts.http_requests++;
    const path = req.url.split('?')[0];
    counts.paths[path] = (counts.paths[path] || 0) + 1;
    if (path.includes('/traces')) counts.trace_payloads++;
    if (path.includes('llmobs') || path.includes('evp_proxy')) counts.llmobs_payloads++;
    if (path === '/info') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ version: '7.60.0', endpoints: ['/v0.4/traces', '/v0.5/traces', '/evp_proxy/v2/', '/evp_proxy/v4/', '/telemetry/proxy/', '/v0.7/config'], client_drop_p0s: true }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(path.includes('/traces') ? '{"rate_by_service":{}}' : '{}');
  });
}).listen(APM, '127.0.0.1', () => console.log(`fake-dd-agent apm 127.0.0.1:${APM} statsd udp ${STATSD} pid=${process.pid}`));

const udp = dgram.createSocket('udp4');
udp.on('message', (m) => {
  dump(m);
  const lines = m.toString().split('\n').filter(Boolean);
  counts.statsd_packets++; counts.statsd_lines += lines.length; lines.forEach(tally);
});
udp.bind(STATSD, '127.0.0.1');
