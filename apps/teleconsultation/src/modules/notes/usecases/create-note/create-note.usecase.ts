import { Injectable } from '@nestjs/common';
import { NoteStatus, type ConsultationNoteView, type CreateNoteRequest } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { derivedId } from '@telehealth/persistence';
import { Clock } from '@telehealth/service-kit';
import { TeleconsultationConfig } from '../../../../config/teleconsultation.config';
import { CareAppointments } from '../../../care/care-appointments';
import { TREATED } from '../../../care/care-relationships';
import { NoteCodec, contentOf } from '../../note-content';
import { NoteStore } from '../../note.store';

/** The appointment's doctor starts its note, a draft (one note per appointment). */
@Injectable()
export class CreateNote {
  constructor(
    private readonly appointments: CareAppointments,
    private readonly store: NoteStore,
    private readonly codec: NoteCodec,
    private readonly clock: Clock,
    private readonly config: TeleconsultationConfig,
  ) {}

  async execute(req: CreateNoteRequest, meta: RequestMeta): Promise<ConsultationNoteView> {
    const caller = requireCaller(meta);
    const appt = await this.appointments.get(req.appointmentId);
    if (!appt || !caller.doctorProfileId || appt.doctorId !== caller.doctorProfileId)
      throw DomainError.notFound('Appointment');
    if (!TREATED.includes(appt.status))
      throw DomainError.conflict(
        `The appointment is ${appt.status}: notes are written for confirmed, ongoing or completed ones`,
        'APPOINTMENT_NOT_ACTIVE',
      );
    const now = this.clock.now();
    const { doc, created } = await this.store.create({
      _id: derivedId(`note:${appt._id}`),
      appointmentId: appt._id,
      patientId: appt.patientId,
      dependentId: appt.dependentId,
      doctorId: appt.doctorId,
      authorId: caller.userId,
      status: NoteStatus.DRAFT,
      content: this.codec.seal(contentOf(req)),
      addenda: [],
      signedAt: null,
      retainUntil: new Date(now.getTime() + this.config.CLINICAL_RETENTION_YEARS * 365.25 * 86_400_000),
    });
    if (!created)
      throw DomainError.conflict(
        `The appointment already has a note (${doc._id}); edit it with PATCH /v1/notes/${doc._id}`,
        'NOTE_EXISTS',
      );
    return this.codec.view(doc);
  }
}
