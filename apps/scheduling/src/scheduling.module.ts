import { Module, type DynamicModule } from '@nestjs/common';
import { JobsModule } from '@telehealth/jobs';
import { ServiceKitModule } from '@telehealth/service-kit';
import { SchedulingConfig } from './config/scheduling.config';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { AvailabilityModule } from './modules/availability/availability.module';
import { DemoModule } from './modules/demo/demo.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { SearchModule } from './modules/search/search.module';
import { ReviewsModule } from './modules/reviews/reviews.module';

/**
 * Scheduling: the directory (specialties, clinics, doctor profiles), availability expanded to
 * slots, and appointments (booking with seats, holds and the lifecycle). One Nest module per concept folder.
 */
@Module({})
export class SchedulingModule {
  static forRoot(config: SchedulingConfig): DynamicModule {
    const appointments = AppointmentsModule.register(AvailabilityModule);
    return {
      module: SchedulingModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'scheduling', config, configClass: SchedulingConfig }),
        JobsModule.forRoot(config),
        DirectoryModule,
        AvailabilityModule,
        SearchModule,
        appointments,
        ReviewsModule.register(appointments),
        DemoModule,
      ],
    };
  }
}
