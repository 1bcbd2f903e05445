import { Module, type DynamicModule } from '@nestjs/common';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { NatsClient } from './nats/nats-client';
import { RpcClient } from './rpc/rpc-client';

/** NATS connection and the request-reply client: every app. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, NatsClient, RpcClient],
      exports: [MESSAGING_OPTIONS, NatsClient, RpcClient],
    };
  }
}
