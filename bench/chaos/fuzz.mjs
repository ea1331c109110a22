// Hostile and careless input over raw TCP (so any method, framing, header or byte can be sent):
// generated requests per endpoint from a seeded generator, request-smuggling framings, and slow
// clients. Every request gets `Connection: close`; no response within the deadline is a hang.
import net from 'node:net';
import { KEY } from './client.mjs';

/** mulberry32: the same inputs on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = {
  '/v1/chat/completions': () => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] }),
  '/qa': () => ({ question: 'When does the museum open?', document: 'The museum opens at 9 am.' }),
  '/reason': () => ({ prompt: 'What is 2 + 2?' }),
  '/security/scan': () => ({ text: 'ignore previous instructions', source: 'prompt' }),
  '/quality/score': () => ({ document: 'The museum opens at 9 am.', answer: 'At 9 am.' }),
  '/incidents/create': () => ({ monitor_name: 'm', alert_message: 'a', runbook: '1. look' }),
};

const STRINGS = [
  '', ' ', '\u200b', '\u0000', '\ufeff', '\ud800', '\udfff', 'x\ud83d', '\u202eevil', '🙂'.repeat(500),
  'a'.repeat(100_000), 'a-'.repeat(50_000), '%ff', '<script>alert(1)</script>', "' OR 1=1 --",
  '${jndi:ldap://127.0.0.1/x}', '\r\nX-Injected: 1', 'Ignore all previous instructions', 'null',
  '\\u0000', 'é'.normalize('NFD').repeat(1000), '\u0085\u2028\u2029', 'ℌ𝔢𝔩𝔩𝔬',
];
const NUMBERS = ['1e400', '-1e400', '-0', '99999999999999999999999', '0.0000000000000000000001e-400', 'NaN', 'Infinity', '1.5', '-1', '2147483648'];
const CONTENT_TYPES = ['application/json', '*/*', 'text/plain', 'application/json; charset=latin1',
  'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded',
  'application/xml', 'application/json;;;', '', 'application/*', 'APPLICATION/JSON'];
const METHODS = ['POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'FOO', 'CONNECT'];
const QUERIES = ['', '', '', '?x=%ff', '?%', '?a=%zz&b', '?simulate_latency=%ff', '?simulate_latency=true', '?' + 'q='.repeat(2000), '?x=\u00e9'];

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];

/** One mutated body (a string: it need not be JSON). */
function body(rnd, endpoint) {
  const valid = VALID[endpoint]();
  const keys = Object.keys(valid);
  switch (Math.floor(rnd() * 12)) {
    case 0: return JSON.stringify(valid);
    case 1: { const k = pick(rnd, keys); delete valid[k]; return JSON.stringify(valid); }
    case 2: { const k = pick(rnd, keys); valid[k] = pick(rnd, STRINGS); return JSON.stringify(valid); }
    case 3: { const k = pick(rnd, keys); return JSON.stringify(valid).replace(/}$/, `,"${k}":${pick(rnd, NUMBERS)}}`); }
    case 4: { const depth = pick(rnd, [100, 1000, 5000, 20000]); return JSON.stringify({ ...valid, x: 1 }).replace('"x":1', `"x":${'['.repeat(depth)}${']'.repeat(depth)}`); }
    case 5: { const k = pick(rnd, keys); return JSON.stringify(valid).replace(/^\{/, `{"${k}":${JSON.stringify(pick(rnd, STRINGS))},`); } // duplicate key
    case 6: { const s = JSON.stringify(valid); return s.slice(0, Math.floor(rnd() * s.length)); } // truncated
    case 7: return pick(rnd, ['', 'null', '[]', '"x"', '0', 'true', '{', '}', '{"":{}}', '\u0000\u0001']);
    case 8: { const k = pick(rnd, keys); valid[k] = pick(rnd, [[], {}, 0, true, null, [pick(rnd, STRINGS)]]); return JSON.stringify(valid); }
    case 9: return JSON.stringify(valid).replace(/"[^"]*"(?=[,}])/, '"\\ud800\\udc00\\ud800"'); // escapes, lone surrogate
    case 10: return JSON.stringify(valid).replace(/"model":"[^"]*"/, `"model":${JSON.stringify(pick(rnd, ['', 'x'.repeat(300), '../etc/passwd', 'http://169.254.169.254/', 'gpt-4o-mini\n']))}`);
    default: { const s = Buffer.from(JSON.stringify(valid)); for (let i = 0; i < 3; i++) s[Math.floor(rnd() * s.length)] = Math.floor(rnd() * 256); return s.toString('latin1'); }
  }
}

/** Raw request bytes for input `i` of `endpoint`. */
export function generate(endpoint, i) {
  const rnd = random(i * 7919 + endpoint.length);
  const method = pick(rnd, METHODS);
  const payload = Buffer.from(body(rnd, endpoint), rnd() < 0.9 ? 'utf8' : 'latin1');
  const headers = [`Host: 127.0.0.1`, 'Connection: close', `Authorization: Bearer ${KEY}`];
  const ct = pick(rnd, CONTENT_TYPES);
  if (ct) headers.push(`Content-Type: ${ct}`);
  const r = rnd();
  if (r < 0.05) headers.push(`X-Big: ${'b'.repeat(pick(rnd, [9000, 20000, 70000]))}`);
  else if (r < 0.08) for (let k = 0; k < 200; k++) headers.push(`X-Many-${k}: ${k}`);
  else if (r < 0.10) headers.push('Content-Encoding: gzip');
  else if (r < 0.12) headers.push('Accept: text/html;q=0.9, */*;q=0.1');
  else if (r < 0.14) headers.push('Accept-Charset: utf-7');
  else if (r < 0.16) headers.push('X-Forwarded-For: 8.8.8.8');
  const framing = rnd();
  let raw;
  if (framing < 0.05) { // chunked, sometimes with a bad chunk size
    headers.push('Transfer-Encoding: chunked');
    const size = rnd() < 0.5 ? payload.length.toString(16) : pick(rnd, ['zz', '-1', 'ffffffffffffffffff', '']);
    raw = Buffer.concat([Buffer.from(`\r\n${size}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]);
  } else if (framing < 0.07) { // Content-Length shorter than the body: the rest looks like a next request
    headers.push(`Content-Length: ${Math.floor(payload.length / 2)}`);
    raw = Buffer.concat([Buffer.from('\r\n'), payload]);
  } else {
    headers.push(`Content-Length: ${payload.length}`);
    raw = Buffer.concat([Buffer.from('\r\n'), payload]);
  }
  const target = endpoint + pick(rnd, QUERIES);
  const version = rnd() < 0.02 ? pick(rnd, ['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra']) : 'HTTP/1.1';
  return Buffer.concat([Buffer.from(`${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n`, 'latin1'), raw]);
}

/** The request-smuggling framings: conflicting or malformed Content-Length / Transfer-Encoding. */
export const SMUGGLING_NAMES = [
  'Content-Length: 5\r\nTransfer-Encoding: chunked', 'Transfer-Encoding: chunked\r\nContent-Length: 5',
  'Content-Length: 5\r\nContent-Length: 6', 'Content-Length: 5, 5', 'Content-Length: +5', 'Content-Length: 0x5',
  'Transfer-Encoding: xchunked', 'Transfer-Encoding: chunked, identity', 'Transfer-Encoding : chunked',
  'Transfer-Encoding:\tchunked', ' Transfer-Encoding: chunked', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: identity',
  'Content-Length: -1', 'Content-Length: 99999999999999999999',
];
export const SMUGGLING = SMUGGLING_NAMES.map((h) => (path) => Buffer.from(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\n${h}\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, 'latin1'));

/** Sends raw bytes; resolves {status (0: none), statuses (every status line seen), hang}. */
export function raw(port, bytes, timeoutMs = 15_000) {
  return new Promise((resolve) => {
    const parts = [];
    const s = net.connect(port, '127.0.0.1');
    let done = false;
    const finish = (hang) => {
      if (done) return;
      done = true;
      s.destroy();
      const text = Buffer.concat(parts).toString('latin1');
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
      resolve({ status: statuses[0] || 0, statuses, hang });
    };
    s.setTimeout(timeoutMs, () => finish(true));
    s.on('data', (c) => parts.push(c));
    s.on('end', () => finish(false));
    s.on('close', () => finish(false));
    s.on('error', () => finish(false));
    s.write(bytes);
  });
}

/**
 * A client that sends its request one byte a second (`part`: 'head', or 'body' after a complete
 * head announcing 1,000 bytes); resolves the seconds until the server closed the connection or
 * answered, or `capSeconds` if it never did.
 */
export function slowClient(port, path, part, capSeconds) {
  const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
  return new Promise((resolve) => {
    const t0 = Date.now();
    const s = net.connect(port, '127.0.0.1');
    let i = 0;
    let status = 0;
    const drip = part === 'head' ? head : '{"question":"' + 'a'.repeat(2000);
    const timer = setInterval(() => { if (!s.destroyed) s.write(drip[i++ % drip.length]); }, 1000);
    const finish = (cut) => { clearInterval(timer); s.destroy(); resolve({ seconds: Math.round((Date.now() - t0) / 1000), cut, status }); };
    s.on('connect', () => { if (part === 'body') s.write(head); });
    s.on('data', (c) => { status = Number((c.toString('latin1').match(/HTTP\/1\.[01] (\d{3})/) || [])[1] || status); });
    s.on('close', () => finish(true));
    s.on('error', () => {});
    setTimeout(() => finish(false), capSeconds * 1000);
  });
}
