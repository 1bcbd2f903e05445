import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { AppointmentEventsConsumer } from './appointment-events.consumer';

/** Scheduling's appointment events, fanned out to the modules that follow appointments. */
@Module({
  imports: [CareModule, ConsultationsModule],
  providers: [AppointmentEventsConsumer],
})
export class AppointmentEventsModule {}
