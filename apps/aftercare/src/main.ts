import { loadConfigOrExit } from '@telehealth/config';
import { bootstrapService } from '@telehealth/service-kit';
import { AftercareConfig } from './config/aftercare.config';
import { AftercareModule } from './aftercare.module';

const config = loadConfigOrExit(AftercareConfig);
void bootstrapService('aftercare', AftercareModule.forRoot(config), config);
