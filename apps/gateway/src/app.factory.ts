import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoggerService, RawBodyRequest } from '@nestjs/common';
import type { JwtConfig } from '@telehealth/config';
import { enableFaultForwarding } from './common/http/call-meta.decorator';
import { requestIdOf } from './common/http/request-id';
import { validationPipe } from './common/http/validation';
import type { GatewayConfig } from './config/gateway.config';
import { GatewayModule } from './gateway.module';

/** Builds the gateway app (not listening, docs not served): used by main and the OpenAPI generator. */
export async function createGateway(
  config: GatewayConfig,
  jwt: JwtConfig,
  logger: LoggerService | false,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: requestIdOf,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config, jwt), adapter, {
    logger,
    abortOnError: false,
    // Payment webhooks are verified over the exact bytes received (see PaymentsController).
    rawBody: true,
  });
  // LiveKit posts its (signed) webhooks as application/webhook+json: read like JSON, raw bytes kept.
  // On the Fastify instance itself: Nest's useBodyParser would stop Nest registering its JSON parser.
  const fastify = app.getHttpAdapter().getInstance();
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/webhook+json', { parseAs: 'buffer' }, (req, body, done) => {
    (req as RawBodyRequest<typeof req>).rawBody = body as Buffer;
    void json(req, (body as Buffer).toString('utf8'), done);
  });
  enableFaultForwarding(config.FAULT_INJECTION_ENABLED);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (req, reply) => {
      void reply.header('x-request-id', req.id);
    });
  await app.register(helmet, {
    // The API serves JSON; only /docs needs scripts and styles from itself.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim());
  app.enableCors({
    origin: origins.includes('*') ? true : origins,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
  });
  app.setGlobalPrefix('v1', { exclude: ['health', 'ready', '.well-known/jwks.json', 'asyncapi.json'] });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  return app;
}
