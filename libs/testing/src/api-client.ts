import { randomInt, randomUUID } from 'node:crypto';
import { gatewayUrl } from './test-env';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Raw body (sent as is); otherwise `body` is JSON-encoded. */
  raw?: string;
}

/**
 * A small HTTP client for the gateway. Each client has its own client IP (X-Forwarded-For,
 * trusted by the test gateway) so per-IP rate limits of one test never touch another.
 */
export class Api {
  readonly ip = `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

  constructor(private readonly base = gatewayUrl()) {}

  async request<T = any>(method: string, path: string, body?: unknown, opts: ApiOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined = opts.raw;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    // Whatever case the caller wrote it in (two spellings would be sent as one, comma-joined).
    const typed = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
    if (payload !== undefined && !typed) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (docs page): keep the text.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string, opts?: ApiOptions) {
    return this.request<T>('GET', path, undefined, opts);
  }
  post<T = any>(path: string, body?: unknown, opts?: ApiOptions) {
    return this.request<T>('POST', path, body ?? {}, opts);
  }
  patch<T = any>(path: string, body?: unknown, opts?: ApiOptions) {
    return this.request<T>('PATCH', path, body ?? {}, opts);
  }
  put<T = any>(path: string, body?: unknown, opts?: ApiOptions) {
    return this.request<T>('PUT', path, body ?? {}, opts);
  }
  delete<T = any>(path: string, opts?: ApiOptions) {
    return this.request<T>('DELETE', path, undefined, opts);
  }
}

export const uniqueEmail = (tag = 'user'): string => `${tag}.${randomUUID().slice(0, 12)}@example.test`;

export function registration(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail(),
    password: 'correct-horse-42',
    firstName: 'Ngozi',
    lastName: 'Okeke',
    phone: `+23480${randomInt(10_000_000, 99_999_999)}`,
    dateOfBirth: '1991-04-23',
    gender: 'FEMALE',
    ...overrides,
  };
}
