import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { SchedulingQueues } from '../../queues';
import { SeatsService } from '../seats/seats.service';
import { DAY_CLAIM_MODEL, DayClaimSchema } from '../seats/day-claim.schema';
import { APPOINTMENT_MODEL, AppointmentSchema, TRANSITION_MODEL, TransitionSchema } from './appointment.schema';
import { BOOKING_KEY_MODEL, BookingKeySchema } from './booking-key.schema';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';
import { ConfirmationDeadlineWorker } from './confirmation-deadline.worker';
import { APPOINTMENT_TIMER_JOBS } from './appointment-timer.queue';
import { AppointmentStore } from './appointment.store';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';
import { HoldExpiryQueue } from './hold-expiry.queue';
import { HoldExpiryWorker } from './hold-expiry.worker';
import { PaymentOutcomeConsumer } from './payment-outcome.consumer';

/**
 * Booking and the appointment lifecycle. `slots` provides the SlotCatalog and the seat-claim
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
          { name: DAY_CLAIM_MODEL, schema: DayClaimSchema },
          { name: BOOKING_KEY_MODEL, schema: BookingKeySchema },
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
        AppointmentsService,
        HoldExpiryQueue,
        HoldExpiryWorker,
        ConfirmationDeadlineQueue,
        ConfirmationDeadlineWorker,
        PaymentOutcomeConsumer,
      ],
      exports: [SeatsService, AppointmentStore],
    };
  }
}
