import { ServiceConfig } from '@telehealth/config';

export class SchedulingConfig extends ServiceConfig {
  override MONGO_DB = 'telehealth_scheduling';
  override HEALTH_PORT = 3102;
}
