import { JwtConfig, loadConfig } from '@telehealth/config';
import { createGateway } from '../../app.factory';
import { GatewayConfig } from '../../config/gateway.config';
import { buildOpenApi } from './openapi';

export const COMMITTED_SPEC = 'docs/openapi.json';

/**
 * The OpenAPI document exactly as committed: built from the default configuration without
 * connecting to anything (`env` overrides it, e.g. PUBLIC_URL names the server), keys in a stable order, so API changes show up in review.
 */
export async function renderOpenApi(env: Record<string, string> = {}): Promise<string> {
  const config = loadConfig(GatewayConfig, env);
  const app = await createGateway(config, loadConfig(JwtConfig, {}), false);
  const doc = buildOpenApi(app, config.PUBLIC_URL);
  await app.close();
  return `${JSON.stringify(sortKeys(doc), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
