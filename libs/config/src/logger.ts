import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { CommonConfig } from './service.config';

const LEVELS: Record<string, LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/** JSON lines in production (for log shippers), readable text elsewhere. */
export function createLogger(app: string, config: CommonConfig): ConsoleLogger {
  return new ConsoleLogger(app, {
    logLevels: LEVELS[config.LOG_LEVEL],
    json: config.NODE_ENV === 'production',
    colors: config.NODE_ENV === 'development' && process.stdout.isTTY,
  });
}
