import { loadConfigOrExit } from '@telehealth/config';
import { bootstrapService } from '@telehealth/service-kit';
import { NotificationsConfig } from './config/notifications.config';
import { NotificationsModule } from './notifications.module';

const config = loadConfigOrExit(NotificationsConfig);
void bootstrapService('notifications', NotificationsModule.forRoot(config), config);
