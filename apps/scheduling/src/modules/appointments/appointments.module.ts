import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { SchedulingQueues } from '../../queues';
import { SeatsService } from '../seats/seats.service';
import { APPOINTMENT_MODEL, AppointmentSchema, TRANSITION_MODEL, TransitionSchema } from './appointment.schema';
import { IDEMPOTENCY_KEY_MODEL, IdempotencyKeySchema } from '@telehealth/persistence';
import { BookingKeys } from './booking-keys';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';
import { ConfirmationDeadlineWorker } from './confirmation-deadline.worker';
import { APPOINTMENT_TIMER_JOBS } from './appointment-timer.queue';
import { AppointmentStore } from './appointment.store';
import { AppointmentsController } from './appointments.controller';
import { HoldExpiryQueue } from './hold-expiry.queue';
import { HoldExpiryWorker } from './hold-expiry.worker';
import { PaymentOutcomeConsumer } from './payment-outcome.consumer';
import { PrescriptionsConsumer } from './prescriptions.consumer';
import { ConsultationOutcomeConsumer } from './consultation-outcome.consumer';
import { RecordConsultationOutcome } from './usecases/record-consultation-outcome/record-consultation-outcome.usecase';
import { AppointmentChanges } from './appointment-changes';
import { ConfirmationDeadlines } from './appointment-deadlines';
import { AppointmentPlaces } from './appointment-places';
import { BookAppointment } from './usecases/book-appointment/book-appointment.usecase';
import { DeclineUnanswered } from './usecases/decline-unanswered/decline-unanswered.usecase';
import { ExpireHold } from './usecases/expire-hold/expire-hold.usecase';
import { GetAppointment } from './usecases/get-appointment/get-appointment.usecase';
import { ListAppointments } from './usecases/list-appointments/list-appointments.usecase';
import { RecordPaymentOutcome } from './usecases/record-payment-outcome/record-payment-outcome.usecase';
import { RecordPrescription } from './usecases/record-prescription/record-prescription.usecase';
import { RecordRefund } from './usecases/record-refund/record-refund.usecase';
import { RescheduleAppointment } from './usecases/reschedule-appointment/reschedule-appointment.usecase';
import { ResumeAppointmentTimers } from './usecases/resume-appointment-timers/resume-appointment-timers.usecase';
import { TransitionAppointment } from './usecases/transition-appointment/transition-appointment.usecase';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@telehealth/service-kit';

/**
 * Booking and the appointment lifecycle. `slots` provides the SlotCatalog and the seat- and day-claim
 * model (the availability module), so booking always checks a slot against what the doctor
 * really offers and counts seats where the slot listing counts them.
 */
@Module({})
export class AppointmentsModule {
  static register(slots: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: AppointmentsModule,
      imports: [
        slots,
        MongooseModule.forFeature([
          { name: APPOINTMENT_MODEL, schema: AppointmentSchema },
          { name: TRANSITION_MODEL, schema: TransitionSchema },
          { name: IDEMPOTENCY_KEY_MODEL, schema: IdempotencyKeySchema },
        ]),
        JobsModule.forFeature([
          { queue: SchedulingQueues.holdExpiry, jobs: APPOINTMENT_TIMER_JOBS },
          { queue: SchedulingQueues.confirmationDeadline, jobs: APPOINTMENT_TIMER_JOBS },
        ]),
      ],
      controllers: [AppointmentsController],
      providers: [
        SeatsService,
        AppointmentStore,
        BookingKeys,
        { provide: Clock, useClass: SystemClock },
        { provide: IdGenerator, useClass: RandomIdGenerator },
        AppointmentPlaces,
        ConfirmationDeadlines,
        AppointmentChanges,
        BookAppointment,
        GetAppointment,
        ListAppointments,
        TransitionAppointment,
        RescheduleAppointment,
        RecordPaymentOutcome,
        RecordRefund,
        ExpireHold,
        DeclineUnanswered,
        ResumeAppointmentTimers,
        HoldExpiryQueue,
        HoldExpiryWorker,
        ConfirmationDeadlineQueue,
        ConfirmationDeadlineWorker,
        PaymentOutcomeConsumer,
        RecordConsultationOutcome,
        ConsultationOutcomeConsumer,
        RecordPrescription,
        PrescriptionsConsumer,
      ],
      exports: [SeatsService, AppointmentStore],
    };
  }
}
