import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { JwtConfig } from '@telehealth/config';
import { MessagingModule } from '@telehealth/messaging';
import { JwtAuthGuard, RolesGuard } from './common/auth/auth.guards';
import { AccessTokenKeys } from './common/auth/access-token-keys';
import { JwtStrategy } from './common/auth/jwt.strategy';
import { TokenDenylist } from './common/auth/token-denylist';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { RateLimitGuard } from './common/rate-limit/rate-limit';
import { RedisClient } from './common/redis/redis.provider';
import { GatewayConfig } from './config/gateway.config';
import { AdminOpsController } from './modules/admin/admin-ops.controller';
import { AdminUsersController } from './modules/admin/admin-users.controller';
import { AppointmentsController } from './modules/appointments/appointments.controller';
import { AuthController } from './modules/auth/auth.controller';
import { ConsultationRequestsController } from './modules/consultations/consultation-requests.controller';
import { ConsultationsController } from './modules/consultations/consultations.controller';
import { AsyncApiController } from './modules/contracts/asyncapi.controller';
import { PrescriptionsController } from './modules/prescriptions/prescriptions.controller';
import { HealthController } from './modules/health/health.controller';
import { JwksController } from './modules/keys/jwks.controller';
import { MeController } from './modules/me/me.controller';
import {
  AdminNotificationsController,
  NotificationsController,
  OrganisationNotificationPreferencesController,
} from './modules/notifications/notifications.controller';
import { OrganisationsController } from './modules/organisations/organisations.controller';
import { FilesController } from './modules/files/files.controller';
import { AccessLogController } from './modules/records/access-log.controller';
import { MedicalRecordsController } from './modules/records/medical-records.controller';
import { NotesController } from './modules/records/notes.controller';
import { ReviewsController } from './modules/reviews/reviews.controller';
import { AvailabilityController } from './modules/scheduling/availability.controller';
import { ClinicsController } from './modules/scheduling/clinics.controller';
import { DoctorsController } from './modules/scheduling/doctors.controller';
import { SpecialtiesController } from './modules/scheduling/specialties.controller';
import { StreamConnectionLimit } from './modules/stream/connection-limit';
import { EventHub } from './modules/stream/event-hub';
import { StreamController } from './modules/stream/stream.controller';
import { StreamService } from './modules/stream/stream.service';
import { SystemController } from './modules/system/system.controller';
import { ThreadsController } from './modules/threads/threads.controller';
import { AdminFinanceController } from './modules/wallet/admin-finance.controller';
import { PaymentsController } from './modules/wallet/payments.controller';
import { WalletController } from './modules/wallet/wallet.controller';

/**
 * The public REST API. Guards run in order: access token (unless @Public), rate limit
 * (per user, or per IP on auth routes), role. Ownership is checked by the owning service.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, jwt: JwtConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PassportModule,
        MessagingModule.forRoot({
          service: 'gateway',
          natsUrl: config.NATS_URL,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          faultInjectionEnabled: config.FAULT_INJECTION_ENABLED,
        }),
      ],
      controllers: [
        HealthController,
        JwksController,
        AsyncApiController,
        ConsultationsController,
        ConsultationRequestsController,
        PrescriptionsController,
        AuthController,
        MeController,
        AdminUsersController,
        AdminOpsController,
        OrganisationsController,
        SpecialtiesController,
        ClinicsController,
        DoctorsController,
        AppointmentsController,
        AvailabilityController,
        ReviewsController,
        WalletController,
        PaymentsController,
        AdminFinanceController,
        NotificationsController,
        OrganisationNotificationPreferencesController,
        AdminNotificationsController,
        SystemController,
        StreamController,
        AccessLogController,
        NotesController,
        MedicalRecordsController,
        FilesController,
        ThreadsController,
      ],
      providers: [
        { provide: GatewayConfig, useValue: config },
        { provide: JwtConfig, useValue: jwt },
        RedisClient,
        TokenDenylist,
        AccessTokenKeys,
        JwtStrategy,
        EventHub,
        StreamConnectionLimit,
        StreamService,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
