import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@telehealth/service-kit';
import { SchedulingConfig } from './config/scheduling.config';

/** Root module of the scheduling service; its domain modules are added by later issues. */
@Module({})
export class SchedulingModule {
  static forRoot(config: SchedulingConfig): DynamicModule {
    return {
      module: SchedulingModule,
      imports: [ServiceKitModule.forRoot({ service: 'scheduling', config, configClass: SchedulingConfig })],
    };
  }
}
