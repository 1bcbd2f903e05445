import { Injectable } from '@nestjs/common';
import { RedisClient } from '../../common/redis/redis.provider';

// One atomic step in Redis, shared by every replica: forget leases that lapsed (a replica that
// died without releasing), then take a seat if fewer than the limit are held.
const ACQUIRE = `redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return 1`;

type WithAcquire = { streamSeat(key: string, now: number, until: number, limit: number, id: string): Promise<number> };

/**
 * Open event streams per user, across every gateway replica: a sorted set of connection ids in
 * Redis scored by the time their lease ends. A connection renews its lease on each heartbeat and
 * gives it back when it closes; a lease not renewed (its replica died) lapses by itself.
 */
@Injectable()
export class StreamConnectionLimit {
  constructor(private readonly client: RedisClient) {
    client.redis.defineCommand('streamSeat', { numberOfKeys: 1, lua: ACQUIRE });
  }

  /** Takes one of the user's seats for `leaseMs`; false when all `limit` are taken. */
  async acquire(userId: string, connectionId: string, limit: number, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    const redis = this.client.redis as unknown as WithAcquire;
    return (await redis.streamSeat(keyOf(userId), now, now + leaseMs, limit, connectionId)) === 1;
  }

  async renew(userId: string, connectionId: string, leaseMs: number): Promise<void> {
    const until = Date.now() + leaseMs;
    await this.client.redis.zadd(keyOf(userId), 'XX', until, connectionId);
    await this.client.redis.pexpireat(keyOf(userId), until);
  }

  async release(userId: string, connectionId: string): Promise<void> {
    await this.client.redis.zrem(keyOf(userId), connectionId);
  }
}

const keyOf = (userId: string) => `stream-seats:${userId}`;
