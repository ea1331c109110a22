#!/usr/bin/env node
// Start-up of a process the caller launched at --since (nanoseconds since the epoch, `date +%s%N`
// taken just before the launch): polls --ready every 10 ms until it answers (any HTTP status below
// 500), then sends --first (POST --body, or GET) until it answers 200. Prints one JSON line with
// both times in ms since the launch. Gives up after --timeout-s (default 180).
//   node startup.mjs --since=NS --ready=URL [--first=URL [--body=JSON] [--headers=JSON]] [--timeout-s=180]
import http from 'node:http';
import { parseArgs } from './lib.mjs';

const args = parseArgs();
const since = BigInt(args.since);
const deadline = Date.now() + parseInt(args['timeout-s'] || '180', 10) * 1000;
const elapsed = () => Number(process.hrtime.bigint() - hrAtSince) / 1e6;
// hrtime has no epoch: anchor it to the wall clock once, at start.
const hrAtSince = process.hrtime.bigint() - (BigInt(Date.now()) * 1_000_000n - since);
const headers = { 'content-type': 'application/json', ...(args.headers ? JSON.parse(args.headers) : {}) };

function request(url, body) {
  return new Promise((resolve) => {
    const u = new URL(url);
    const req = http.request({ hostname: u.hostname, port: u.port, path: u.pathname + u.search,
      method: body ? 'POST' : 'GET', headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
      agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); res.on('error', () => resolve(0)); });
    req.setTimeout(60000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function until(url, body, ok) {
  while (Date.now() < deadline) {
    const status = await request(url, body);
    if (ok(status)) return +elapsed().toFixed(0);
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

const ready = await until(args.ready, undefined, (s) => s > 0 && s < 500);
const first = ready !== null && args.first ? await until(args.first, args.body, (s) => s === 200) : null;
console.log(JSON.stringify({ ready_ms: ready, first_ms: first }));
