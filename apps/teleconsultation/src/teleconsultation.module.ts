import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@telehealth/service-kit';
import { TeleconsultationConfig } from './config/teleconsultation.config';

/** Root module of the teleconsultation service; its domain modules are added by later issues. */
@Module({})
export class TeleconsultationModule {
  static forRoot(config: TeleconsultationConfig): DynamicModule {
    return {
      module: TeleconsultationModule,
      imports: [ServiceKitModule.forRoot({ service: 'teleconsultation', config, configClass: TeleconsultationConfig })],
    };
  }
}
