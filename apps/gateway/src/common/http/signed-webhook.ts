import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * What a service needs to verify a provider's webhook: the exact bytes received (the signature
 * covers them, so the body is forwarded raw, never re-serialised) and only the headers the
 * providers sign with.
 */
export function signedWebhook(
  req: RawBodyRequest<FastifyRequest>,
  signatureHeaders: readonly string[],
): { rawBody: string; headers: Record<string, string> } {
  const headers = Object.fromEntries(
    signatureHeaders.filter((h) => typeof req.headers[h] === 'string').map((h) => [h, req.headers[h] as string]),
  );
  return { rawBody: req.rawBody?.toString('utf8') ?? '', headers };
}
