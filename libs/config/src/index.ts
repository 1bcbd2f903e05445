export * from './secret.decorator';
export * from './load-config';
export * from './service.config';
export * from './redis.config';
export * from './logger';
