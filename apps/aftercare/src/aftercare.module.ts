import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@telehealth/service-kit';
import { AftercareConfig } from './config/aftercare.config';

/** Root module of the aftercare service; its domain modules are added by later issues. */
@Module({})
export class AftercareModule {
  static forRoot(config: AftercareConfig): DynamicModule {
    return {
      module: AftercareModule,
      imports: [ServiceKitModule.forRoot({ service: 'aftercare', config, configClass: AftercareConfig })],
    };
  }
}
