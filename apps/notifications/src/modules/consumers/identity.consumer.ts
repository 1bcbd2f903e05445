import { Injectable } from '@nestjs/common';
import {
  IdentityEvents,
  NotificationKind,
  type EmailVerificationRequestedV1,
  type EventEnvelope,
  type PasswordResetCompletedV1,
  type PasswordResetRequestedV1,
  type UserDeletedV1,
  type UserRegisteredV1,
} from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { NotificationsConfig } from '../../config/notifications.config';
import { Dispatcher, causedBy } from '../dispatch/dispatcher';
import { ContactDirectory, DoctorDirectory, type Recipient } from '../recipients/recipients';
import { SuppressionsRepository } from '../suppressions/suppressions.repository';
import { formatDuration } from '../templates/format';

/** Identity's events name the address to write to: no lookup, so a code always reaches the address it verifies. */
const fromPayload = (
  p: { userId: string; email: string; firstName: string; locale: string },
  timeZone = 'UTC',
): Recipient => ({
  userId: p.userId,
  reachable: true,
  email: p.email,
  phone: null,
  firstName: p.firstName,
  lastName: '',
  locale: p.locale,
  timeZone,
});

/** Account messages: welcome, verification code, password reset and change; stops contact on deletion. */
@Injectable()
export class IdentityNotificationsConsumer {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly contacts: ContactDirectory,
    private readonly doctors: DoctorDirectory,
    private readonly config: NotificationsConfig,
    private readonly suppressions: SuppressionsRepository,
  ) {}

  @OnEvent(IdentityEvents.userRegistered)
  async registered(e: EventEnvelope<UserRegisteredV1>): Promise<void> {
    const p = e.payload;
    if (p.doctorProfileId) {
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
    await this.dispatcher.send({
      kind: NotificationKind.WELCOME,
      userId: p.userId,
      ...causedBy(e),
      recipient: { ...fromPayload(p, p.timeZone), lastName: p.lastName },
      vars: (r) => ({ firstName: r.firstName }),
    });
  }

  @OnEvent(IdentityEvents.emailVerificationRequested)
  async verificationRequested(e: EventEnvelope<EmailVerificationRequestedV1>): Promise<void> {
    const p = e.payload;
    await this.dispatcher.send({
      kind: NotificationKind.EMAIL_VERIFICATION,
      userId: p.userId,
      ...causedBy(e),
      expiresAt: p.expiresAt,
      recipient: fromPayload(p),
      vars: (r) => ({
        firstName: r.firstName,
        code: p.code,
        validFor: formatDuration(Date.parse(p.expiresAt) - Date.parse(e.occurredAt), r.locale),
      }),
    });
  }

  @OnEvent(IdentityEvents.passwordResetRequested)
  async resetRequested(e: EventEnvelope<PasswordResetRequestedV1>): Promise<void> {
    const p = e.payload;
    await this.dispatcher.send({
      kind: NotificationKind.PASSWORD_RESET,
      userId: p.userId,
      ...causedBy(e),
      expiresAt: p.expiresAt,
      recipient: fromPayload(p),
      vars: (r) => ({
        firstName: r.firstName,
        resetLink: `${this.config.APP_URL}/reset-password?token=${encodeURIComponent(p.token)}`,
        validFor: formatDuration(Date.parse(p.expiresAt) - Date.parse(e.occurredAt), r.locale),
      }),
    });
  }

  @OnEvent(IdentityEvents.passwordResetCompleted)
  async resetCompleted(e: EventEnvelope<PasswordResetCompletedV1>): Promise<void> {
    const p = e.payload;
    const known = await this.contacts.contact(p.userId);
    await this.dispatcher.send({
      kind: NotificationKind.PASSWORD_CHANGED,
      userId: p.userId,
      ...causedBy(e),
      recipient: known ? { ...known, email: p.email } : undefined,
      vars: (r) => ({ firstName: r.firstName }),
    });
  }

  /** A deleted account is contacted no more, including by messages already queued. */
  @OnEvent(IdentityEvents.userDeleted)
  async deleted(e: EventEnvelope<UserDeletedV1>): Promise<void> {
    await this.suppressions.suppress(e.payload.userId, 'ACCOUNT_DELETED', new Date(e.occurredAt));
  }
}
