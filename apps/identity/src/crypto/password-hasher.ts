import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { IdentityConfig } from '../config/identity.config';

/** argon2id with OWASP parameters (m >= 19 MiB, t >= 2), enforced by IdentityConfig. */
@Injectable()
export class PasswordHasher {
  /** A hash of a random password, compared when the email is unknown so timing leaks nothing. */
  private dummyHash?: Promise<string>;

  constructor(private readonly config: IdentityConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.PASSWORD_HASH_MEMORY_KIB,
      timeCost: this.config.PASSWORD_HASH_TIME_COST,
      parallelism: 1,
    });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  async burn(password: string): Promise<void> {
    this.dummyHash ??= this.hash(`dummy-${Math.random()}`);
    await this.verify(await this.dummyHash, password);
  }
}
