import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** New ids and random codes, injected so use cases can be tested with predictable ones. */
export abstract class IdGenerator {
  /** A new opaque id (UUID v4). */
  abstract uuid(): string;
  /** `length` random decimal digits, e.g. the tail of an appointment number. */
  abstract digits(length: number): string;
}

@Injectable()
export class RandomIdGenerator extends IdGenerator {
  uuid(): string {
    return randomUUID();
  }

  digits(length: number): string {
    return String(randomInt(0, 10 ** length)).padStart(length, '0');
  }
}

/** Predictable ids (`<prefix>-1`, `<prefix>-2`, ...) and digits: for unit specs of use cases. */
export class SequentialIds extends IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {
    super();
  }
  uuid(): string {
    return `${this.prefix}-${++this.n}`;
  }
  digits(length: number): string {
    return String(this.n).padStart(length, '0').slice(-length);
  }
}
