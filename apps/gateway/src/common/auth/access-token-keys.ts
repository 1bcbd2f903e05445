import { randomUUID } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { IdentityRpc, type JsonWebKeySet } from '@telehealth/contracts';
import { RpcClient } from '@telehealth/messaging';

/** How soon an unknown `kid` may make the gateway ask identity again (a forged kid must not flood it). */
const REFRESH_AT_MOST_EVERY_MS = 10_000;
/** How long a key set is used before it is refreshed anyway (a retired key leaves within this). */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Identity's public keys (its JWKS over NATS), cached: the gateway verifies access tokens with
 * them and holds no key of its own. A token naming a `kid` not in the cache refreshes it (at most
 * every 10 s), so a key rotated in at identity is picked up on its first token.
 */
@Injectable()
export class AccessTokenKeys {
  private readonly logger = new Logger(AccessTokenKeys.name);
  private set: JsonWebKeySet | null = null;
  private pems = new Map<string, string>();
  private fetchedAt = 0;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly rpc: RpcClient) {}

  /** The PEM of the key `kid` names, or null when identity publishes no such key. */
  async pemFor(kid: string | undefined): Promise<string | null> {
    if (!kid) return null;
    const stale = Date.now() - this.fetchedAt > MAX_AGE_MS;
    if (stale || (!this.pems.has(kid) && Date.now() - this.fetchedAt > REFRESH_AT_MOST_EVERY_MS))
      await this.refresh().catch((err: Error) => this.logger.warn(`JWKS refresh failed: ${err.message}`));
    return this.pems.get(kid) ?? null;
  }

  /** The key set as published (the /.well-known/jwks.json route). */
  async jwks(): Promise<JsonWebKeySet> {
    if (!this.set || Date.now() - this.fetchedAt > MAX_AGE_MS) await this.refresh();
    return this.set ?? { keys: [] };
  }

  private refresh(): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const set = await this.rpc.call(IdentityRpc.jwks, {}, { requestId: randomUUID() });
        const pems = new Map<string, string>();
        for (const k of set.keys)
          pems.set(
            k.kid,
            createPublicKey({ key: { ...k }, format: 'jwk' })
              .export({ type: 'spki', format: 'pem' })
              .toString(),
          );
        this.set = set;
        this.pems = pems;
        this.fetchedAt = Date.now();
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }
}
