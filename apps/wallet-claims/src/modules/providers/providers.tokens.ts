import type { ProvidersConfig } from './providers.config';

/** What the providers module needs: its own settings and Redis (for the sandbox's deliveries). */
export type ProvidersModuleConfig = ProvidersConfig & { REDIS_URL: string; NODE_ENV?: string };

/** Nest injection token of the {@link ProvidersModuleConfig} the module was built with. */
export const PROVIDERS_CONFIG = Symbol('PROVIDERS_CONFIG');
