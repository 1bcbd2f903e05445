import { gatewayUrl, waitUntil } from '@telehealth/testing';
import type { Session } from '../support/actors';

export interface SseMessage {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/**
 * A client of GET /v1/stream over fetch's streaming body: parses Server-Sent Events as they
 * arrive and keeps them, with the last id seen (to resume with Last-Event-ID).
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  lastEventId?: string;
  ended = false;
  private done: Promise<void> = Promise.resolve();
  private reader?: ReadableStreamDefaultReader<Uint8Array>;

  private constructor(
    readonly status: number,
    private readonly abort: AbortController,
  ) {}

  static async open(s: Session, lastEventId?: string): Promise<SseClient> {
    const abort = new AbortController();
    const headers: Record<string, string> = {
      authorization: `Bearer ${s.token}`,
      accept: 'text/event-stream',
      'x-forwarded-for': s.api.ip,
    };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const res = await fetch(`${gatewayUrl()}/v1/stream`, { headers, signal: abort.signal });
    const client = new SseClient(res.status, abort);
    if (res.status !== 200 || !res.body) {
      client.ended = true;
      await res.text().catch(() => undefined);
      return client;
    }
    client.done = client.read(res.body);
    return client;
  }

  /** Domain events received (not the control messages). */
  events(): Record<string, unknown>[] {
    return this.messages.filter((m) => m.event === 'message').map((m) => m.data);
  }

  async waitFor(match: (m: SseMessage) => boolean, what: string, timeoutMs = 20_000): Promise<SseMessage> {
    await waitUntil(() => this.messages.some(match), what, timeoutMs);
    return this.messages.find(match)!;
  }

  async close(): Promise<void> {
    await this.reader?.cancel().catch(() => undefined);
    this.abort.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    this.reader = reader;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Cancelled by close(), or the connection broke.
    } finally {
      this.ended = true;
    }
  }

  private parse(block: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) return;
    if (id) this.lastEventId = id;
    this.messages.push({ id, event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
  }
}
