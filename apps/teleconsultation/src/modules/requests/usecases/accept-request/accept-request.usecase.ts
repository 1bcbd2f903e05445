import { Injectable } from '@nestjs/common';
import { ConsultationRequestStatus, TeleconsultationEvents, type ConsultationRequestView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { origin } from '../../../../common/origin';
import { consultationIdOf } from '../../../consultations/new-session';
import { DoctorDirectory } from '../../../doctors/doctor-directory';
import { ConsultationRequestStore } from '../../consultation-request.store';
import { notOpen, requireVisibleRequest, takesRequests } from '../../request-access';
import { requestEventBase, toRequestView } from '../../request.mapper';
import { OpenOnDemandSession } from '../open-on-demand-session/open-on-demand-session.usecase';

/**
 * An online doctor of the specialty takes an open request. Exactly one of any number of doctors
 * accepting at once succeeds: the move from OPEN is one conditional update, which only the first
 * finds OPEN; the others get 409 REQUEST_NOT_OPEN. Its session starts now; wallet-claims captures
 * the held fee on `consultation-request.accepted`.
 */
@Injectable()
export class AcceptRequest {
  constructor(
    private readonly store: ConsultationRequestStore,
    private readonly doctors: DoctorDirectory,
    private readonly sessions: OpenOnDemandSession,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, meta: RequestMeta): Promise<ConsultationRequestView> {
    const caller = requireCaller(meta);
    const doctor = caller.doctorProfileId ? await this.doctors.get(caller.doctorProfileId) : null;
    const found = await this.store.load(id);
    // The specialty's online doctors learn that a request left the queue (409), others see nothing (404).
    const r =
      found && takesRequests(doctor, found.specialtyCode) ? found : requireVisibleRequest(caller, found, doctor).r;
    if (!doctor || !takesRequests(doctor, r.specialtyCode))
      throw DomainError.forbidden(`Only online doctors of ${r.specialtyCode} take this request`);
    if (r.status !== ConsultationRequestStatus.OPEN) throw notOpen(r);
    const at = this.clock.now();
    const consultationId = consultationIdOf(r._id);
    const accepted = await this.store.move(
      id,
      [ConsultationRequestStatus.OPEN],
      { status: ConsultationRequestStatus.ACCEPTED, acceptedBy: doctor._id, acceptedAt: at, consultationId },
      (before) => [
        createEvent(
          TeleconsultationEvents.requestAccepted,
          id,
          {
            ...requestEventBase({ ...before, status: ConsultationRequestStatus.ACCEPTED }),
            doctorId: doctor._id,
            consultationId,
          },
          origin(meta.requestId),
        ),
      ],
    );
    if (!accepted) throw notOpen((await this.store.load(id)) ?? r);
    // Here for the doctor's answer; the accepted event opens it too, should this process stop now.
    await this.sessions.execute(accepted, meta.requestId);
    return toRequestView(accepted);
  }
}
