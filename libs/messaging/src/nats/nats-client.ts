import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

/** The app's one NATS connection, shared by the RPC client, the outbox relay and consumers. */
@Injectable()
export class NatsClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NatsClient.name);
  private nc?: NatsConnection;
  private jsm?: JetStreamManager;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async onModuleInit(): Promise<void> {
    this.nc = await connect({
      servers: this.options.natsUrl.split(','),
      name: `${this.options.service}-${process.pid}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
    }).catch((err: Error) => {
      throw new Error(
        `Cannot reach NATS at ${this.options.natsUrl} (${err.message}). Is it running? Try \`npm run infra:up\`.`,
      );
    });
    this.jsm = await this.nc.jetstreamManager();
    this.logger.log(`connected to NATS ${this.nc.getServer()}`);
  }

  get connection(): NatsConnection {
    if (!this.nc) throw new Error('NATS is not connected yet');
    return this.nc;
  }

  get jetstream(): JetStreamClient {
    return this.connection.jetstream();
  }

  get manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS is not connected yet');
    return this.jsm;
  }

  isReady(): boolean {
    return !!this.nc && !this.nc.isClosed() && !this.nc.isDraining();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
  }
}
