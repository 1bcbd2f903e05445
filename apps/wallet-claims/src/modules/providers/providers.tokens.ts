import type { ProvidersConfig } from './providers.config';

/** What the providers module needs: its own settings (the sandbox's queue comes from JobsModule). */
export type ProvidersModuleConfig = ProvidersConfig & { NODE_ENV?: string };

/** Nest injection token of the {@link ProvidersModuleConfig} the module was built with. */
export const PROVIDERS_CONFIG = Symbol('PROVIDERS_CONFIG');
