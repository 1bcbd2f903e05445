import { Module } from '@nestjs/common';
import { KeysController } from './keys.controller';

/** Identity's token-verifying public keys, over NATS (the keys themselves: CryptoModule). */
@Module({ controllers: [KeysController] })
export class KeysModule {}
