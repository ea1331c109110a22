// A fake Datadog API for the incident sink (dev.lrcp.incident.DatadogIncidentSink), on 127.0.0.1:
// POST /api/v2/incidents (with its initial timeline cells), PATCH /api/v2/incidents/{id},
// POST /api/v2/incidents/{id}/timeline and the v1 Events fallback POST /api/v1/events, answered in
// the JSON shapes datadog-api-client reads. The chaos run switches its mode at run time:
//   healthy | http500 (every call answered 500, nothing stored) | timeout (the request is read and
//   never answered, nothing stored; the socket stays open until the client gives up)
//   const dd = await startFakeDatadog(port); dd.mode = 'http500'; dd.creates; await dd.close();
// Only an answered call counts as done: a create answered 201 is "committed" once, which is what the
// reconciliation counts (a create whose answer the client never read is not stored here).
import http from 'node:http';
import { randomUUID } from 'node:crypto';

const json = (res, status, body) => {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
};

/** Our incident id, from the Markdown body's last line ("Incident inc-… · service:…"). */
const ourId = (text) => ((text || '').match(/Incident (\S+) · service:/) || [])[1] ?? null;

const incidentData = (inc) => ({
  type: 'incidents', id: inc.id,
  attributes: {
    title: inc.title, customer_impacted: false, created: inc.created, modified: inc.modified,
    fields: inc.fields,
  },
  relationships: {},
});

export function startFakeDatadog(port) {
  const state = {
    mode: 'healthy',
    /** Committed (answered 201) creates: {ddId, ours, at}. */
    creates: [],
    /** Incidents by Datadog id: {id, ours, title, fields, patches}. */
    incidents: new Map(),
    events: [],
    /** Requests seen per mode and kind, e.g. received.http500.create. */
    received: {},
    held: new Set(),
    holds: [], // ms each held request stayed open before the client closed it
    unauthorised: 0,
  };
  const count = (kind) => {
    const m = (state.received[state.mode] ||= {});
    m[kind] = (m[kind] || 0) + 1;
  };

  const server = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => {
      const url = req.url.split('?')[0];
      const kind = req.method === 'POST' && url === '/api/v2/incidents' ? 'create'
        : req.method === 'PATCH' && /^\/api\/v2\/incidents\/[^/]+$/.test(url) ? 'update'
          : req.method === 'POST' && /^\/api\/v2\/incidents\/[^/]+\/timeline$/.test(url) ? 'timeline'
            : req.method === 'POST' && url === '/api/v1/events' ? 'event' : 'other';
      count(kind);
      if (state.mode === 'timeout') {
        const t0 = Date.now();
        state.held.add(res);
        res.socket.once('close', () => { state.held.delete(res); state.holds.push(Date.now() - t0); });
        return; // never answered
      }
      if (state.mode === 'http500') return json(res, 500, { errors: ['Internal Server Error'] });
      if (!req.headers['dd-api-key'] || !req.headers['dd-application-key']) {
        state.unauthorised++;
        return json(res, 403, { errors: ['Forbidden'] });
      }
      let body;
      try { body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}'); } catch { return json(res, 400, { errors: ['Malformed JSON'] }); }
      const now = new Date().toISOString();
      if (kind === 'create') {
        const a = body?.data?.attributes;
        if (body?.data?.type !== 'incidents' || !a?.title) return json(res, 400, { errors: ['data.attributes.title is required'] });
        const cell = (a.initial_cells || [])[0];
        const inc = { id: randomUUID(), ours: ourId(cell?.content?.content), title: a.title, fields: a.fields || {}, created: now, modified: now, patches: 0 };
        state.incidents.set(inc.id, inc);
        state.creates.push({ ddId: inc.id, ours: inc.ours, at: Date.now() });
        return json(res, 201, { data: incidentData(inc) });
      }
      if (kind === 'update') {
        const inc = state.incidents.get(url.split('/').pop());
        if (!inc) return json(res, 404, { errors: ['Not found'] });
        const a = body?.data?.attributes || {};
        Object.assign(inc.fields, a.fields || {});
        if (a.title) inc.title = a.title;
        inc.modified = now; inc.patches++;
        return json(res, 200, { data: incidentData(inc) });
      }
      if (kind === 'timeline') {
        const id = url.split('/')[4];
        if (!state.incidents.has(id)) return json(res, 404, { errors: ['Not found'] });
        return json(res, 201, { data: { type: 'incident_timeline_cells', id: randomUUID(), attributes: { ...body?.data?.attributes, created: now, modified: now } } });
      }
      if (kind === 'event') {
        const id = state.events.length + 1_000_000;
        state.events.push({ id, aggregationKey: body.aggregation_key, title: body.title });
        return json(res, 202, { status: 'ok', event: { id, id_str: String(id), title: body.title, text: body.text, date_happened: Math.floor(Date.now() / 1000), tags: body.tags || [] } });
      }
      return json(res, 404, { errors: ['Not found'] });
    });
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => {
      for (const r of state.held) r.socket.destroy();
      server.closeAllConnections();
      server.close(done);
    }),
  }))));
}
