export * from './signed-webhook';
