import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import { createLogger, redactConfig, type ServiceConfig } from '@telehealth/config';
import type { BackendService } from '@telehealth/contracts';

/**
 * Starts a backend service: NATS request-reply (queue group = service name, so replicas
 * share the load), HTTP probes on HEALTH_PORT, graceful shutdown on SIGTERM.
 */
export async function bootstrapService(
  service: BackendService,
  root: DynamicModule,
  config: ServiceConfig,
): Promise<NestFastifyApplication> {
  const logger = createLogger(service, config);
  logger.debug(`settings: ${JSON.stringify(redactConfig(config))}`);
  const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(), {
    logger,
    abortOnError: false,
  });
  app.connectMicroservice<MicroserviceOptions>(
    {
      transport: Transport.NATS,
      options: { servers: config.NATS_URL.split(','), queue: service, name: `${service}-rpc-${process.pid}` },
    },
    { inheritAppConfig: true },
  );
  app.enableShutdownHooks();
  await app.init();
  await app.startAllMicroservices();
  await app.listen({ port: config.HEALTH_PORT, host: '0.0.0.0' });
  logger.log(`${service} ready (db ${config.MONGO_DB}, probes on :${config.HEALTH_PORT})`);
  return app;
}
