import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { IdentityRpc } from '@telehealth/contracts';
import { RpcClient } from '@telehealth/messaging';
import { DoctorDirectory } from '../doctors/doctor-directory';

/**
 * The names a session shows (seed 001 keeps them on the consultation): the doctor's from the
 * directory, the patient's from identity. A name is a convenience: when it cannot be read now the
 * session is created without it rather than waiting.
 */
@Injectable()
export class ParticipantNames {
  private readonly logger = new Logger(ParticipantNames.name);

  constructor(
    private readonly doctors: DoctorDirectory,
    private readonly rpc: RpcClient,
  ) {}

  async of(doctorId: string, patientId: string): Promise<{ doctorName: string | null; patientName: string | null }> {
    const [doctorName, patientName] = await Promise.all([this.doctors.displayName(doctorId), this.patient(patientId)]);
    return { doctorName, patientName };
  }

  private async patient(userId: string): Promise<string | null> {
    try {
      const c = await this.rpc.call(IdentityRpc.userContact, { userId }, { requestId: randomUUID() });
      return `${c.firstName} ${c.lastName}`.trim() || null;
    } catch (err) {
      this.logger.warn(`patient ${userId}: name not available (${(err as Error).message})`);
      return null;
    }
  }
}
