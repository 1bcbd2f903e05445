import 'reflect-metadata';
import { JwtConfig, createLogger, loadConfigOrExit, redactConfig } from '@telehealth/config';
import { createGateway } from './app.factory';
import { buildOpenApi, serveOpenApi } from './common/openapi/openapi';
import { GatewayConfig } from './config/gateway.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(GatewayConfig);
  const jwt = loadConfigOrExit(JwtConfig);
  const logger = createLogger('gateway', config);
  logger.debug(`settings: ${JSON.stringify(redactConfig(config))}`);
  const app = await createGateway(config, jwt, logger);
  serveOpenApi(app, buildOpenApi(app, config.PUBLIC_URL));
  await app.listen({ port: config.GATEWAY_PORT, host: config.GATEWAY_HOST });
  logger.log(`gateway listening on ${config.PUBLIC_URL} (API under /v1, docs at ${config.PUBLIC_URL}/docs)`);
}

void main();
