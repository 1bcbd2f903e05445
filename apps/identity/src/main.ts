import { JwtSigningConfig, loadConfigOrExit } from '@telehealth/config';
import { bootstrapService } from '@telehealth/service-kit';
import { IdentityConfig } from './config/identity.config';
import { IdentityModule } from './identity.module';

const config = loadConfigOrExit(IdentityConfig);
const jwt = loadConfigOrExit(JwtSigningConfig);
void bootstrapService('identity', IdentityModule.forRoot(config, jwt), config);
