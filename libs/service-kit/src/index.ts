export * from './bootstrap';
export * from './service-kit.module';
export * from './health.controller';
export * from './clock';
export * from './id-generator';
