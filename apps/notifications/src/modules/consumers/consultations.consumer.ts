import { Injectable, Logger } from '@nestjs/common';
import {
  NotificationKind,
  TeleconsultationEvents,
  type ConsultationAdmittedV1,
  type ConsultationCancelledV1,
  type ConsultationEndedV1,
  type ConsultationEventBase,
  type ConsultationNoShowV1,
  type ConsultationRescheduledV1,
  type ConsultationStartedV1,
  type ConsultationWaitingV1,
  type EventEnvelope,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { NotificationsConfig, consultationLink } from '../../config/notifications.config';
import { Dispatcher, causedBy } from '../dispatch/dispatcher';
import { ContactDirectory, DoctorDirectory, type Recipient } from '../recipients/recipients';
import { ConsultationReminderScheduler } from '../reminders/consultation-reminder-scheduler';
import { ConsultationStates } from '../reminders/consultation-state';
import { consultationVars } from '../templates/consultation-vars';
import { formatDuration, formatWhen } from '../templates/format';
import { termsFor } from '../templates/render';
import type { TemplateVars } from '../templates/template-vars';

type Consultation = EventEnvelope<ConsultationEventBase>;
type Terms = ReturnType<typeof termsFor>;
type PatientKind =
  | NotificationKind.CONSULTATION_SCHEDULED
  | NotificationKind.CONSULTATION_DOCTOR_WAITING
  | NotificationKind.CONSULTATION_ADMITTED
  | NotificationKind.CONSULTATION_ENDED
  | NotificationKind.CONSULTATION_MISSED;
type DoctorKind = NotificationKind.DOCTOR_PATIENT_WAITING | NotificationKind.DOCTOR_CONSULTATION_MISSED;

/** How long after the scheduled end participants may still join (teleconsultation's JOIN_GRACE_MINUTES). */
const JOIN_GRACE_MS = 30 * 60_000;

/**
 * Messages about the call itself (who is in the room, you are admitted) are news only while the
 * room can be joined: one handled later (a consumer that was down) is not sent.
 */
const whileJoinable = (e: Consultation): string =>
  new Date(Date.parse(e.payload.scheduledEnd) + JOIN_GRACE_MS).toISOString();

/**
 * Messages about online consultation sessions (teleconsultation's events) to the patient and,
 * where they must act or know, the doctor; and the reminder with the join link, kept in step with
 * every lifecycle event. A reschedule or a cancellation sends nothing here: the appointment's own
 * event (scheduling.appointment.rescheduled / cancelled) already tells the patient, and the
 * doctor where the appointment messages do.
 */
@Injectable()
export class ConsultationNotificationsConsumer {
  private readonly logger = new Logger(ConsultationNotificationsConsumer.name);

  constructor(
    private readonly config: NotificationsConfig,
    private readonly dispatcher: Dispatcher,
    private readonly states: ConsultationStates,
    private readonly reminders: ConsultationReminderScheduler,
    private readonly doctors: DoctorDirectory,
    private readonly contacts: ContactDirectory,
  ) {}

  /** Records the event's state and re-aligns the reminder; false when a newer event was applied first. */
  private async track(e: Consultation): Promise<boolean> {
    const state = await this.states.apply(e);
    await this.reminders.sync(e.payload.consultationId);
    const current = state?.eventId === e.id;
    if (!current) this.logger.log(`${e.type} ${e.id} is older than the session's known state: no message`);
    return current;
  }

  private async patientNotice<K extends PatientKind>(
    e: Consultation,
    kind: K,
    extra: (r: Recipient, terms: Terms) => Omit<TemplateVars[K], keyof ReturnType<typeof consultationVars>>,
    expiresAt?: string,
  ): Promise<void> {
    const p = e.payload;
    const doctor = await this.doctors.find(p.doctorId);
    const facts = {
      number: p.number,
      callType: p.callType,
      scheduledStart: p.scheduledStart,
      doctorName: doctor?.displayName ?? null,
      joinLink: consultationLink(this.config, p.consultationId),
    };
    await this.dispatcher.send({
      kind,
      userId: p.patientId,
      ...causedBy(e),
      expiresAt,
      data: { consultationId: p.consultationId, ...(p.appointmentId && { appointmentId: p.appointmentId }) },
      vars: (r) => ({ ...consultationVars(facts, r), ...extra(r, termsFor(r.locale)) }) as never,
    });
  }

  private async doctorNotice<K extends DoctorKind>(
    e: Consultation,
    kind: K,
    extra: (terms: Terms) => Omit<TemplateVars[K], 'firstName' | 'patientName' | 'when' | 'number'>,
    expiresAt?: string,
  ): Promise<void> {
    const p = e.payload;
    const doctor = await this.doctors.find(p.doctorId);
    if (!doctor?.userId) return; // a profile without an account: nobody to tell
    const patient = await this.contacts.contact(p.patientId);
    await this.dispatcher.send({
      kind,
      userId: doctor.userId,
      organisationId: doctor.organisationId,
      ...causedBy(e),
      expiresAt,
      data: { consultationId: p.consultationId, ...(p.appointmentId && { appointmentId: p.appointmentId }) },
      vars: (r) => {
        const terms = termsFor(r.locale);
        return {
          firstName: r.firstName,
          patientName: patient?.reachable
            ? `${patient.firstName} ${patient.lastName.slice(0, 1)}.`.replace(/ \.$/, '')
            : terms.aPatient,
          when: formatWhen(p.scheduledStart, r.timeZone, r.locale),
          number: p.number,
          ...extra(terms),
        } as never;
      },
    });
  }

  /** The session exists: when it is and where to join; its reminder is scheduled. */
  @OnEvent(TeleconsultationEvents.consultationScheduled)
  async scheduled(e: Consultation): Promise<void> {
    if (!(await this.track(e))) return;
    await this.patientNotice(e, NotificationKind.CONSULTATION_SCHEDULED, () => ({}));
  }

  /** The reminder moves with the session; the appointment's reschedule message tells the patient. */
  @OnEvent(TeleconsultationEvents.consultationRescheduled)
  async rescheduled(e: EventEnvelope<ConsultationRescheduledV1>): Promise<void> {
    await this.track(e);
  }

  @OnEvent(TeleconsultationEvents.consultationWaiting)
  async waiting(e: EventEnvelope<ConsultationWaitingV1>): Promise<void> {
    if (!(await this.track(e))) return;
    const live = whileJoinable(e);
    if (e.payload.waiting === 'DOCTOR') {
      await this.patientNotice(e, NotificationKind.CONSULTATION_DOCTOR_WAITING, () => ({}), live);
    } else {
      await this.doctorNotice(
        e,
        NotificationKind.DOCTOR_PATIENT_WAITING,
        (terms) => ({
          callType: terms.callType[e.payload.callType] ?? e.payload.callType,
          joinLink: consultationLink(this.config, e.payload.consultationId),
        }),
        live,
      );
    }
  }

  @OnEvent(TeleconsultationEvents.consultationAdmitted)
  async admitted(e: EventEnvelope<ConsultationAdmittedV1>): Promise<void> {
    if (!(await this.track(e))) return;
    await this.patientNotice(e, NotificationKind.CONSULTATION_ADMITTED, () => ({}), whileJoinable(e));
  }

  /** No message (both are in the call), but no reminder either. */
  @OnEvent(TeleconsultationEvents.consultationStarted)
  async started(e: EventEnvelope<ConsultationStartedV1>): Promise<void> {
    await this.track(e);
  }

  @OnEvent(TeleconsultationEvents.consultationEnded)
  async ended(e: EventEnvelope<ConsultationEndedV1>): Promise<void> {
    if (!(await this.track(e))) return;
    await this.patientNotice(e, NotificationKind.CONSULTATION_ENDED, (r) => ({
      duration: formatDuration(e.payload.callLog.durationSeconds * 1_000, r.locale),
    }));
  }

  /** To both: the patient and the doctor each told who did not join, in their own words. */
  @OnEvent(TeleconsultationEvents.consultationNoShow)
  async noShow(e: EventEnvelope<ConsultationNoShowV1>): Promise<void> {
    if (!(await this.track(e))) return;
    const absent = e.payload.absent;
    await this.patientNotice(e, NotificationKind.CONSULTATION_MISSED, (_, terms) => ({
      absence: terms.absentToPatient[absent] ?? terms.absentToPatient.BOTH,
    }));
    await this.doctorNotice(e, NotificationKind.DOCTOR_CONSULTATION_MISSED, (terms) => ({
      absence: terms.absentToDoctor[absent] ?? terms.absentToDoctor.BOTH,
    }));
  }

  /** The reminder is withdrawn; the appointment's cancellation message tells the patient. */
  @OnEvent(TeleconsultationEvents.consultationCancelled)
  async cancelled(e: EventEnvelope<ConsultationCancelledV1>): Promise<void> {
    await this.track(e);
  }
}
