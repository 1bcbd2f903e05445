import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, IdentityRpc, SchedulingRpc, type UserContactView } from '@telehealth/contracts';
import { RpcCallError, RpcClient } from '@telehealth/messaging';
import type { DoctorDoc } from './doctor.schema';
import { DoctorsRepository } from './doctors.repository';

/** Who a message goes to, as the dispatcher needs it. */
export interface Recipient {
  userId: string;
  reachable: boolean;
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  locale: string;
  timeZone: string;
}

/** How to reach a user. Identity owns the data; this service never reads identity's database. */
export abstract class ContactDirectory {
  /** The user's contact details, or null when identity does not know the user. */
  abstract contact(userId: string): Promise<Recipient | null>;
}

/** Asks identity (`rpc.identity.users.contact.v1`). Unavailability throws, so the event is retried. */
@Injectable()
export class IdentityContactDirectory extends ContactDirectory {
  constructor(private readonly rpc: RpcClient) {
    super();
  }

  async contact(userId: string): Promise<Recipient | null> {
    try {
      const c = await this.rpc.call(IdentityRpc.userContact, { userId }, { requestId: randomUUID() });
      return toRecipient(c);
    } catch (err) {
      if (err instanceof RpcCallError && err.wire.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }
}

export const toRecipient = (c: UserContactView): Recipient => ({
  userId: c.userId,
  reachable: c.reachable,
  email: c.email,
  phone: c.phone,
  firstName: c.firstName,
  lastName: c.lastName,
  locale: c.locale,
  timeZone: c.timeZone,
});

// ------------------------------------------------------------------------------ doctors

export interface DoctorInfo {
  doctorId: string;
  userId: string | null;
  organisationId: string | null;
  /** "Dr Tunde Adeyemi", or null when the name is unknown. */
  displayName: string | null;
}

/**
 * Doctor profiles (scheduling owns them): kept from `scheduling.doctor.profile-changed.v1` and
 * `identity.user.registered.v1`, with scheduling's public profile RPC for one never seen.
 */
@Injectable()
export class DoctorDirectory {
  private readonly logger = new Logger(DoctorDirectory.name);

  constructor(
    private readonly doctors: DoctorsRepository,
    private readonly rpc: RpcClient,
  ) {}

  /** Records what an event says about a profile (an older event never overwrites a newer one). */
  async remember(entry: Omit<DoctorDoc, 'occurredAt'>, occurredAt: Date): Promise<void> {
    const existing = await this.doctors.findById(entry._id);
    if (existing && existing.occurredAt > occurredAt) return;
    const merged = {
      userId: entry.userId ?? existing?.userId ?? null,
      organisationId: entry.organisationId ?? existing?.organisationId ?? null,
      firstName: entry.firstName ?? existing?.firstName ?? null,
      lastName: entry.lastName ?? existing?.lastName ?? null,
      occurredAt,
    };
    await this.doctors.save(entry._id, merged);
  }

  async find(doctorId: string): Promise<DoctorInfo | null> {
    const known = await this.doctors.findById(doctorId);
    if (known?.userId && known.firstName) return info(known);
    try {
      const p = await this.rpc.call(SchedulingRpc.getDoctor, { id: doctorId }, { requestId: randomUUID() });
      const entry = {
        _id: p.id,
        userId: p.userId,
        organisationId: p.organisationId,
        firstName: p.firstName,
        lastName: p.lastName,
      };
      await this.remember(entry, known?.occurredAt ?? new Date(0));
      return info({ ...entry, occurredAt: new Date(0) });
    } catch (err) {
      this.logger.debug(`doctor ${doctorId} not resolved: ${(err as Error).message}`);
      return known ? info(known) : null;
    }
  }
}

const info = (d: DoctorDoc): DoctorInfo => ({
  doctorId: d._id,
  userId: d.userId,
  organisationId: d.organisationId,
  displayName: d.firstName || d.lastName ? `Dr ${[d.firstName, d.lastName].filter(Boolean).join(' ')}` : null,
});
