import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { NotificationChannel } from '@telehealth/contracts';
import { NotificationsConfig } from '../../config/notifications.config';
import type { EmailJob, PushJob, SmsJob } from '../../queues';
import type { SandboxMessageDoc } from './delivery.schema';
import { SandboxMessagesRepository } from './sandbox-messages.repository';

export interface SendResult {
  /** The provider's id for the message, when it gives one. */
  messageId: string | null;
}

/** Sends one email. A thrown error is a failed attempt (retried with backoff). */
export abstract class EmailSender {
  abstract send(job: EmailJob): Promise<SendResult>;
}

/** Sends one SMS. Real providers (Twilio, Termii, ...) implement this and are chosen by SMS_PROVIDER. */
export abstract class SmsProvider {
  abstract readonly name: string;
  abstract send(job: SmsJob): Promise<SendResult>;
}

/** Sends one push notification to a user's devices (FCM, APNs, ... by PUSH_PROVIDER). */
export abstract class PushProvider {
  abstract readonly name: string;
  abstract send(job: PushJob): Promise<SendResult>;
}

/** The email's Message-ID is derived from the delivery, so a resend after a crash is recognisably the same message. */
export const messageIdOf = (deliveryId: string, from: string): string =>
  `<${deliveryId}@${/@([^>\s]+)/.exec(from)?.[1] ?? 'telehealth.local'}>`;

/** Real SMTP through a pooled nodemailer transport (EMAIL_TRANSPORT=smtp). */
@Injectable()
export class SmtpEmailSender extends EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: NotificationsConfig) {
    super();
    this.transport = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      ...(config.SMTP_USER && { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } }),
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(job: EmailJob): Promise<SendResult> {
    const info = await this.transport.sendMail({
      from: this.config.EMAIL_FROM,
      to: job.to,
      subject: job.subject,
      text: job.text,
      html: job.html,
      messageId: messageIdOf(job.deliveryId, this.config.EMAIL_FROM),
      headers: { 'X-Telehealth-Delivery': job.deliveryId },
    });
    return { messageId: info.messageId ?? null };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** EMAIL_TRANSPORT=log: each email is written to the log (no SMTP server needed). */
@Injectable()
export class LogEmailSender extends EmailSender {
  private readonly logger = new Logger('Email');

  constructor(private readonly config: NotificationsConfig) {
    super();
  }

  async send(job: EmailJob): Promise<SendResult> {
    this.logger.log(`to ${job.to}: ${job.subject}\n${job.text}`);
    return { messageId: messageIdOf(job.deliveryId, this.config.EMAIL_FROM) };
  }
}

/**
 * The sandbox SMS and push providers: they "send" by recording the message (one record per
 * delivery, so a retry after a crash records it once), for local runs and tests.
 */
@Injectable()
export class SandboxRecorder {
  constructor(private readonly messages: SandboxMessagesRepository) {}

  async record(m: Omit<SandboxMessageDoc, 'at'>): Promise<SendResult> {
    await this.messages.insertOnce({ ...m, at: new Date() });
    return { messageId: `sandbox-${m._id}` };
  }
}

@Injectable()
export class SandboxSmsProvider extends SmsProvider {
  readonly name = 'sandbox';
  constructor(private readonly recorder: SandboxRecorder) {
    super();
  }
  send(job: SmsJob): Promise<SendResult> {
    return this.recorder.record({
      _id: job.deliveryId,
      channel: NotificationChannel.SMS,
      userId: job.userId,
      to: job.to,
      title: null,
      text: job.text,
      data: {},
    });
  }
}

@Injectable()
export class SandboxPushProvider extends PushProvider {
  readonly name = 'sandbox';
  constructor(private readonly recorder: SandboxRecorder) {
    super();
  }
  send(job: PushJob): Promise<SendResult> {
    return this.recorder.record({
      _id: job.deliveryId,
      channel: NotificationChannel.PUSH,
      userId: job.userId,
      to: null,
      title: job.title,
      text: job.body,
      data: job.data,
    });
  }
}
