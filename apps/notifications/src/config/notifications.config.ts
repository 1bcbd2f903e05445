import { ServiceConfig } from '@telehealth/config';

export class NotificationsConfig extends ServiceConfig {
  override MONGO_DB = 'telehealth_notifications';
  override HEALTH_PORT = 3106;
}
