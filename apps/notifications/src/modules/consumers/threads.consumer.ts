import { Injectable } from '@nestjs/common';
import {
  NotificationKind,
  TeleconsultationEvents,
  ThreadSenderRole,
  type EventEnvelope,
  type ThreadMessagePostedV1,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { NotificationsConfig, threadLink } from '../../config/notifications.config';
import { Dispatcher, causedBy } from '../dispatch/dispatcher';
import { ContactDirectory, DoctorDirectory } from '../recipients/recipients';
import { termsFor } from '../templates/render';

/**
 * A new secure message (teleconsultation's threads), told to the other side of the thread: who
 * wrote and where to read it, never what it says. Not urgent: it waits out quiet hours, and the
 * MESSAGES category switches it off. A message to an organisation's thread reaches its staff in
 * the app and on the event stream (this service keeps no staff list to mail).
 */
@Injectable()
export class ThreadNotificationsConsumer {
  constructor(
    private readonly config: NotificationsConfig,
    private readonly dispatcher: Dispatcher,
    private readonly doctors: DoctorDirectory,
    private readonly contacts: ContactDirectory,
  ) {}

  @OnEvent(TeleconsultationEvents.threadMessagePosted)
  async posted(e: EventEnvelope<ThreadMessagePostedV1>): Promise<void> {
    const p = e.payload;
    const doctor = p.doctorId ? await this.doctors.find(p.doctorId) : null;
    const notice = {
      kind: NotificationKind.THREAD_MESSAGE,
      ...causedBy(e),
      data: { threadId: p.threadId, messageId: p.messageId },
    };
    const messagesLink = threadLink(this.config, p.threadId);
    if (p.senderRole !== ThreadSenderRole.PATIENT) {
      await this.dispatcher.send({
        ...notice,
        userId: p.patientId,
        vars: (r) => {
          const terms = termsFor(r.locale);
          const senderName =
            p.senderRole === ThreadSenderRole.DOCTOR
              ? (doctor?.displayName ?? terms.yourDoctor)
              : terms.yourCareProvider;
          return { firstName: r.firstName, senderName, messagesLink };
        },
      });
      return;
    }
    if (!doctor?.userId) return; // an organisation's thread, or a profile without an account
    const patient = await this.contacts.contact(p.patientId);
    await this.dispatcher.send({
      ...notice,
      userId: doctor.userId,
      organisationId: doctor.organisationId,
      vars: (r) => ({
        firstName: r.firstName,
        senderName: patient?.reachable
          ? `${patient.firstName} ${patient.lastName.slice(0, 1)}.`.replace(/ \.$/, '')
          : termsFor(r.locale).aPatient,
        messagesLink,
      }),
    });
  }
}
