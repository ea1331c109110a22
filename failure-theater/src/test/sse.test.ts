import { describe, expect, it } from 'vitest';
import { SseParser } from '@/lib/sse';

describe('SseParser', () => {
  it('parses events split anywhere across chunks, with ids and types', () => {
    const p = new SseParser();
    const text = 'retry: 2000\n\nid: b-1\nevent: ready\ndata: {"a":1}\n\nid: b-2\nevent: incident.opened\ndata: {"id":"inc-1"}\n\n';
    const events = [];
    for (let i = 0; i < text.length; i += 7) events.push(...p.push(text.slice(i, i + 7)));
    expect(events).toEqual([
      { id: 'b-1', type: 'ready', data: '{"a":1}' },
      { id: 'b-2', type: 'incident.opened', data: '{"id":"inc-1"}' },
    ]);
    expect(p.retryMs).toBe(2000);
  });

  it('ignores comments (heartbeats), joins data lines and accepts CRLF', () => {
    const p = new SseParser();
    const events = p.push(': heartbeat 1\r\n\r\nevent: health\r\ndata: line1\r\ndata: line2\r\n\r\n');
    expect(events).toEqual([{ id: null, type: 'health', data: 'line1\nline2' }]);
  });

  it('keeps the last id for events that carry none, as EventSource does', () => {
    const p = new SseParser();
    const events = p.push('id: b-7\nevent: ready\ndata: {}\n\nevent: health\ndata: {}\n\n');
    expect(events.map((e) => e.id)).toEqual(['b-7', 'b-7']);
  });

  it('waits for the rest of a line split between \\r and \\n', () => {
    const p = new SseParser();
    expect(p.push('event: ready\r')).toEqual([]);
    expect(p.push('\ndata: {}\r\n\r\n')).toEqual([{ id: null, type: 'ready', data: '{}' }]);
  });
});
