import { Injectable, Logger } from '@nestjs/common';
import {
  CancelledBy,
  NotificationKind,
  SchedulingEvents,
  type AppointmentCancelledV1,
  type AppointmentDeclinedV1,
  type AppointmentEventBase,
  type AppointmentHeldV1,
  type AppointmentRescheduledV1,
  type DoctorProfileChangedV1,
  type EventEnvelope,
  type ReviewSubmittedV1,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { Dispatcher, causedBy } from '../dispatch/dispatcher';
import { ContactDirectory, DoctorDirectory, type DoctorInfo, type Recipient } from '../recipients/recipients';
import { AppointmentStates } from '../reminders/appointment-state';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { formatMoney, formatTime, formatWhen } from '../templates/format';
import { termsFor } from '../templates/render';

type Appointment = EventEnvelope<AppointmentEventBase>;
/**
 * Appointment messages to the patient (and the doctor where they need to know), and the
 * reminders, kept in step with every lifecycle event.
 */
@Injectable()
export class AppointmentNotificationsConsumer {
  private readonly logger = new Logger(AppointmentNotificationsConsumer.name);

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly states: AppointmentStates,
    private readonly reminders: ReminderScheduler,
    private readonly doctors: DoctorDirectory,
    private readonly contacts: ContactDirectory,
  ) {}

  /** Records the event's state and re-aligns the reminders; false when a newer event was applied first. */
  private async track(e: Appointment): Promise<boolean> {
    const state = await this.states.apply(e);
    await this.reminders.sync(e.payload.appointmentId);
    const current = state?.eventId === e.id;
    if (!current) this.logger.log(`${e.type} ${e.id} is older than the appointment's known state: no message`);
    return current;
  }

  private async patientNotice<K extends NotificationKind>(
    e: Appointment,
    kind: K,
    extra: (r: Recipient, terms: ReturnType<typeof termsFor>) => Record<string, string>,
  ): Promise<void> {
    const p = e.payload;
    const doctor = await this.doctors.find(p.doctorId);
    await this.dispatcher.send({
      kind,
      userId: p.patientId,
      ...causedBy(e),
      data: { appointmentId: p.appointmentId },
      vars: (r) => {
        const terms = termsFor(r.locale);
        return {
          firstName: r.firstName,
          doctorName: doctor?.displayName ?? terms.yourDoctor,
          when: formatWhen(p.start, r.timeZone, r.locale),
          number: p.number,
          ...extra(r, terms),
        } as never;
      },
    });
  }

  private async doctorNotice(
    e: Appointment,
    kind: NotificationKind.DOCTOR_BOOKING_CONFIRMED | NotificationKind.DOCTOR_BOOKING_CANCELLED,
    extra: (terms: ReturnType<typeof termsFor>) => Record<string, string>,
  ): Promise<void> {
    const p = e.payload;
    const doctor: DoctorInfo | null = await this.doctors.find(p.doctorId);
    if (!doctor?.userId) return; // a profile without an account: nobody to tell
    const patient = await this.contacts.contact(p.patientId);
    await this.dispatcher.send({
      kind,
      userId: doctor.userId,
      organisationId: doctor.organisationId,
      ...causedBy(e),
      data: { appointmentId: p.appointmentId },
      vars: (r) => {
        const terms = termsFor(r.locale);
        return {
          firstName: r.firstName,
          patientName: patient?.reachable
            ? `${patient.firstName} ${patient.lastName.slice(0, 1)}.`.replace(/ \.$/, '')
            : terms.aPatient,
          when: formatWhen(p.start, r.timeZone, r.locale),
          number: p.number,
          ...extra(terms),
        } as never;
      },
    });
  }

  @OnEvent(SchedulingEvents.appointmentHeld)
  async held(e: EventEnvelope<AppointmentHeldV1>): Promise<void> {
    if (!(await this.track(e))) return;
    if (e.payload.fee.amountMinor === 0) return; // free: confirmed next, nothing to pay
    await this.patientNotice(e, NotificationKind.APPOINTMENT_HELD, (r) => ({
      fee: formatMoney(e.payload.fee, r.locale),
      payBy: formatTime(e.payload.holdExpiresAt, r.timeZone, r.locale),
    }));
  }

  @OnEvent(SchedulingEvents.appointmentConfirmed)
  async confirmed(e: Appointment): Promise<void> {
    if (!(await this.track(e))) return;
    const mode = (terms: ReturnType<typeof termsFor>) => terms.mode[e.payload.mode] ?? e.payload.mode;
    await this.patientNotice(e, NotificationKind.APPOINTMENT_CONFIRMED, (_, terms) => ({ mode: mode(terms) }));
    await this.doctorNotice(e, NotificationKind.DOCTOR_BOOKING_CONFIRMED, (terms) => ({ mode: mode(terms) }));
  }

  @OnEvent(SchedulingEvents.appointmentDeclined)
  async declined(e: EventEnvelope<AppointmentDeclinedV1>): Promise<void> {
    if (!(await this.track(e))) return;
    // Older events have no declinedBy: the doctor declined.
    const by = (e.payload.declinedBy ?? CancelledBy.DOCTOR) as keyof ReturnType<typeof termsFor>['declined'];
    await this.patientNotice(e, NotificationKind.APPOINTMENT_DECLINED, (_, terms) => ({
      outcome: terms.declined[by] ?? terms.declined.DOCTOR,
    }));
  }

  @OnEvent(SchedulingEvents.appointmentCancelled)
  async cancelled(e: EventEnvelope<AppointmentCancelledV1>): Promise<void> {
    if (!(await this.track(e))) return;
    const reason = (terms: ReturnType<typeof termsFor>) => e.payload.reason?.trim() || terms.noReasonGiven;
    await this.patientNotice(e, NotificationKind.APPOINTMENT_CANCELLED, (_, terms) => ({
      cancelledBy: terms.cancelledBy[e.payload.cancelledBy] ?? e.payload.cancelledBy,
      reason: reason(terms),
    }));
    if (e.payload.cancelledBy !== CancelledBy.DOCTOR)
      await this.doctorNotice(e, NotificationKind.DOCTOR_BOOKING_CANCELLED, (terms) => ({ reason: reason(terms) }));
  }

  @OnEvent(SchedulingEvents.appointmentRescheduled)
  async rescheduled(e: EventEnvelope<AppointmentRescheduledV1>): Promise<void> {
    if (!(await this.track(e))) return;
    await this.patientNotice(e, NotificationKind.APPOINTMENT_RESCHEDULED, (r) => ({
      previousWhen: formatWhen(e.payload.previousStart, r.timeZone, r.locale),
    }));
  }

  @OnEvent(SchedulingEvents.appointmentHoldExpired)
  async holdExpired(e: Appointment): Promise<void> {
    if (!(await this.track(e))) return;
    await this.patientNotice(e, NotificationKind.APPOINTMENT_HOLD_EXPIRED, () => ({}));
  }

  /** No message, but no reminder either once it has begun, ended or been missed. */
  @OnEvent(SchedulingEvents.appointmentStarted)
  async started(e: Appointment): Promise<void> {
    await this.track(e);
  }

  @OnEvent(SchedulingEvents.appointmentCompleted)
  async completed(e: Appointment): Promise<void> {
    await this.track(e);
  }

  @OnEvent(SchedulingEvents.appointmentNoShow)
  async noShow(e: Appointment): Promise<void> {
    await this.track(e);
  }

  @OnEvent(SchedulingEvents.doctorProfileChanged)
  async profileChanged(e: EventEnvelope<DoctorProfileChangedV1>): Promise<void> {
    const p = e.payload;
    await this.doctors.remember(
      {
        _id: p.doctorProfileId,
        userId: p.userId,
        organisationId: p.organisationId,
        firstName: p.firstName,
        lastName: p.lastName,
      },
      new Date(e.occurredAt),
    );
  }

  @OnEvent(SchedulingEvents.reviewSubmitted)
  async reviewSubmitted(e: EventEnvelope<ReviewSubmittedV1>): Promise<void> {
    const doctor = await this.doctors.find(e.payload.doctorId);
    if (!doctor?.userId) return;
    await this.dispatcher.send({
      kind: NotificationKind.REVIEW_RECEIVED,
      userId: doctor.userId,
      organisationId: doctor.organisationId,
      ...causedBy(e),
      data: { appointmentId: e.payload.appointmentId, reviewId: e.payload.reviewId },
      vars: (r) => ({ firstName: r.firstName, rating: String(e.payload.overall) }),
    });
  }
}
