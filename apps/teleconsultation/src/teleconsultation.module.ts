import { Module, type DynamicModule } from '@nestjs/common';
import { JobsModule } from '@telehealth/jobs';
import { ServiceKitModule } from '@telehealth/service-kit';
import { TeleconsultationConfig } from './config/teleconsultation.config';
import { AccessLogModule } from './modules/access-log/access-log.module';
import { AppointmentEventsModule } from './modules/appointment-events/appointment-events.module';
import { CareModule } from './modules/care/care.module';
import { ConsultationsModule } from './modules/consultations/consultations.module';
import { FilesModule } from './modules/files/files.module';
import { NotesModule } from './modules/notes/notes.module';
import { RecordsModule } from './modules/records/records.module';
import { PrescriptionsModule } from './modules/prescriptions/prescriptions.module';
import { RequestsModule } from './modules/requests/requests.module';
import { ThreadsModule } from './modules/threads/threads.module';
import { VideoModule } from './modules/video/video.module';

/**
 * Teleconsultation: consultation sessions of online appointments (flow 3), their rooms on the
 * configured video provider, and what teleconsultation keeps from other services' events (the
 * doctors' names, the patients' recording consents). One Nest module per concept folder.
 */
@Module({})
export class TeleconsultationModule {
  static forRoot(config: TeleconsultationConfig): DynamicModule {
    return {
      module: TeleconsultationModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'teleconsultation', config, configClass: TeleconsultationConfig }),
        JobsModule.forRoot(config),
        VideoModule.forRoot(config),
        ConsultationsModule,
        RequestsModule,
        CareModule,
        AccessLogModule,
        AppointmentEventsModule,
        NotesModule,
        RecordsModule,
        FilesModule,
        ThreadsModule,
        PrescriptionsModule,
      ],
    };
  }
}
