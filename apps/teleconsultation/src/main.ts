import { loadConfigOrExit } from '@telehealth/config';
import { bootstrapService } from '@telehealth/service-kit';
import { TeleconsultationConfig } from './config/teleconsultation.config';
import { TeleconsultationModule } from './teleconsultation.module';

const config = loadConfigOrExit(TeleconsultationConfig);
void bootstrapService('teleconsultation', TeleconsultationModule.forRoot(config), config);
