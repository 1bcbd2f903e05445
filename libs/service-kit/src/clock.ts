import { Injectable } from '@nestjs/common';

/** The time, injected so use cases can be tested at any moment. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
