export * from './storage.config';
export * from './object-store';
export * from './purposes';
export * from './sniff';
export * from './file-record.schema';
export * from './file-registry';
