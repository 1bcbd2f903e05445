import { ServiceConfig } from '@telehealth/config';

export class AftercareConfig extends ServiceConfig {
  override MONGO_DB = 'telehealth_aftercare';
  override HEALTH_PORT = 3105;
}
