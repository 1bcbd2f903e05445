import { ErrorCode } from '@telehealth/contracts';
import { DomainError, isObject } from '@telehealth/messaging';

/** The provider could not be reached, timed out, failed, or refused our credentials: 503. */
export const PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE';
/** The provider refused the payment request itself (e.g. an unsupported currency): 422. */
export const PROVIDER_REJECTED = 'PROVIDER_REJECTED';

export const providerUnavailable = (message: string): DomainError =>
  new DomainError(ErrorCode.UNAVAILABLE, message, { reason: PROVIDER_UNAVAILABLE });

/**
 * One call to a provider's API with a deadline. Network errors, timeouts, 5xx, 429 and
 * refused credentials (401/403, our configuration) become 503 PROVIDER_UNAVAILABLE; any other
 * 4xx is the provider refusing this payment: 422 PROVIDER_REJECTED with its message.
 */
export async function callProvider(
  label: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
  timeoutMs: number,
  messageOf: (body: unknown) => string | null,
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error;
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.message;
    throw providerUnavailable(`${label} could not be reached: ${why}`);
  }
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!res.ok) {
    const said = messageOf(body) ?? `HTTP ${res.status}`;
    if (res.status === 401 || res.status === 403) {
      throw providerUnavailable(`${label} refused our credentials (${said})`);
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      throw DomainError.unprocessable(`${label} refused the payment: ${said}`, PROVIDER_REJECTED);
    }
    throw providerUnavailable(`${label} failed (HTTP ${res.status}: ${said})`);
  }
  if (!isObject(body)) throw providerUnavailable(`${label} answered with an unreadable body`);
  return body;
}

/** An absolute URL with extra query parameters. */
export function withQuery(base: string, params: Record<string, string>): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw DomainError.invalid('returnUrl', 'must be an absolute URL');
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export const trimSlash = (url: string): string => url.replace(/\/+$/, '');
