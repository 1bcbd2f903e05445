import { Injectable } from '@nestjs/common';
import { RedisClient } from '../redis/redis.provider';

/** Access tokens revoked before they expire (logout), kept until their own expiry. */
@Injectable()
export class TokenDenylist {
  constructor(private readonly client: RedisClient) {}

  async revoke(jti: string, expiresAtSeconds: number): Promise<void> {
    const ttl = Math.max(1, expiresAtSeconds - Math.floor(Date.now() / 1000));
    await this.client.redis.set(`revoked-jti:${jti}`, '1', 'EX', ttl);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.client.redis.exists(`revoked-jti:${jti}`)) === 1;
  }
}
