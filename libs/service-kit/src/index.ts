export * from './bootstrap';
export * from './logger';
export * from './service-kit.module';
export * from './health.controller';
