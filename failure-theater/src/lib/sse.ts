/**
 * Server-sent events over fetch rather than EventSource: EventSource cannot send the X-API-Key header
 * the service may require. Parsing follows the HTML spec's event-stream rules.
 */
import type { FetchLike } from './api';

export interface SseEvent {
  id: string | null;
  type: string;
  data: string;
}

/** Turns chunks of an event stream into events; keeps partial lines and fields between chunks. */
export class SseParser {
  private buffer = '';
  private id: string | null = null;
  private type = 'message';
  private data: string[] = [];
  /** The reconnection delay the server asked for (`retry:`), if any. */
  retryMs: number | null = null;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let newline = this.nextLineEnd();
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      const skip = this.buffer[newline] === '\r' && this.buffer[newline + 1] === '\n' ? 2 : 1;
      this.buffer = this.buffer.slice(newline + skip);
      const event = this.line(line);
      if (event) events.push(event);
      newline = this.nextLineEnd();
    }
    return events;
  }

  private nextLineEnd(): number {
    const lf = this.buffer.indexOf('\n');
    const cr = this.buffer.indexOf('\r');
    // a lone \r at the end may be the first half of \r\n: wait for the next chunk
    if (cr >= 0 && cr === this.buffer.length - 1 && lf < 0) return -1;
    if (cr < 0) return lf;
    return lf < 0 ? cr : Math.min(cr, lf);
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      if (this.data.length === 0) {
        this.type = 'message';
        return null;
      }
      const event = { id: this.id, type: this.type, data: this.data.join('\n') };
      this.type = 'message';
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return null;
  }
}

export type StreamEnd =
  | { kind: 'ended'; retryMs: number | null }
  | { kind: 'unauthorized' }
  | { kind: 'failed'; message: string; retryMs: number | null };

/**
 * Reads one connection until it ends. Each event is handed to `onEvent` as it arrives; the last id
 * seen is what the caller sends as Last-Event-ID when it reconnects.
 */
export async function readStream(
  path: string,
  headers: Record<string, string>,
  fetchImpl: FetchLike,
  onEvent: (e: SseEvent) => void,
  signal: AbortSignal,
): Promise<StreamEnd> {
  let res: Response;
  try {
    res = await fetchImpl(path, { headers: { ...headers, Accept: 'text/event-stream' }, cache: 'no-store', signal });
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e), retryMs: null };
  }
  if (res.status === 401) return { kind: 'unauthorized' };
  const type = res.headers.get('Content-Type') ?? '';
  if (!res.ok || !res.body || !type.startsWith('text/event-stream')) {
    return { kind: 'failed', message: `HTTP ${res.status}`, retryMs: null };
  }
  const parser = new SseParser();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: 'ended', retryMs: parser.retryMs };
      parser.push(decoder.decode(value, { stream: true })).forEach(onEvent);
    }
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e), retryMs: parser.retryMs };
  }
}
