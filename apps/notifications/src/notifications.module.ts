import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@telehealth/service-kit';
import { NotificationsConfig } from './config/notifications.config';

/** Root module of the notifications service; its domain modules are added by later issues. */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [ServiceKitModule.forRoot({ service: 'notifications', config, configClass: NotificationsConfig })],
    };
  }
}
