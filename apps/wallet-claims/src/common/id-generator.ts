import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/**
 * New ids, injected so use cases can be tested with predictable ones. The same shape as
 * scheduling's `common/id-generator.ts` (a copy: the two apps share no code but libs).
 */
export abstract class IdGenerator {
  /** A new opaque id (UUID v4). */
  abstract uuid(): string;
}

@Injectable()
export class RandomIdGenerator extends IdGenerator {
  uuid(): string {
    return randomUUID();
  }
}
