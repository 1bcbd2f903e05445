import { ServiceConfig } from '@telehealth/config';

export class TeleconsultationConfig extends ServiceConfig {
  override MONGO_DB = 'telehealth_teleconsultation';
  override HEALTH_PORT = 3103;
}
