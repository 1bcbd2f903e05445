import { loadConfigOrExit } from '@telehealth/config';
import { bootstrapService } from '@telehealth/service-kit';
import { SchedulingConfig } from './config/scheduling.config';
import { SchedulingModule } from './scheduling.module';

const config = loadConfigOrExit(SchedulingConfig);
void bootstrapService('scheduling', SchedulingModule.forRoot(config), config);
