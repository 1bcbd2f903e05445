import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClinicalRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { AccessReason, ApiAccessReason } from '../../common/http/access-reason';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam } from '../../common/openapi/common.dto';
import { AddendumDto, ConsultationNoteDto, EditNoteDto, NoteContentDto, SignNoteDto } from './dto/note.dto';

/**
 * Consultation notes (SOAP). The appointment's doctor drafts, edits and signs; a signed note is
 * final and corrected by addenda. Drafts are visible to their author only; signed notes to the
 * patient, treating doctors and admins who state a reason (each read by someone else is logged).
 */
@ApiTags('consultation notes')
@ApiBearerAuth()
@Controller()
export class NotesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('appointments/:id/notes')
  @Roles(Role.DOCTOR)
  @ApiOperation({
    summary: "The appointment's doctor starts its note (a draft)",
    description:
      'One note per appointment (409 NOTE_EXISTS for a second); the appointment must be confirmed, under way or completed (409 APPOINTMENT_NOT_ACTIVE). Another doctor gets 404.',
  })
  @ApiResponse({ status: 201, type: ConsultationNoteDto })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@Param() p: IdParam, @Body() body: NoteContentDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.createNote, { ...body, appointmentId: p.id }, meta);
  }

  @Get('appointments/:id/notes')
  @ApiAccessReason()
  @ApiOperation({ summary: "The appointment's notes you may read (a draft only to its author)" })
  @ApiResponse({ status: 200, type: [ConsultationNoteDto] })
  @ApiErrors(400, 401)
  list(@Param() p: IdParam, @AccessReason() accessReason: string | undefined, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.notesOfAppointment, { appointmentId: p.id, accessReason }, meta);
  }

  @Get('notes/:id')
  @ApiAccessReason()
  @ApiOperation({ summary: 'One note' })
  @ApiResponse({ status: 200, type: ConsultationNoteDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @AccessReason() accessReason: string | undefined, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.getNote, { id: p.id, accessReason }, meta);
  }

  @Patch('notes/:id')
  @Roles(Role.DOCTOR)
  @ApiOperation({
    summary: 'The author edits a draft: the fields given replace theirs',
    description: 'A signed note is final (409 NOTE_SIGNED): add an addendum instead.',
  })
  @ApiResponse({ status: 200, type: ConsultationNoteDto })
  @ApiErrors(400, 401, 403, 404, 409)
  edit(@Param() p: IdParam, @Body() body: EditNoteDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.editNote, { ...body, id: p.id }, meta);
  }

  @Post('notes/:id/sign')
  @Roles(Role.DOCTOR)
  @HttpCode(200)
  @ApiOperation({
    summary: 'The author signs the note: it becomes final',
    description: 'Needs an assessment or a diagnosis (422 NOTE_INCOMPLETE). Announces note.signed.',
  })
  @ApiResponse({ status: 200, type: ConsultationNoteDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  sign(@Param() p: IdParam, @Body() body: SignNoteDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.signNote, { ...body, id: p.id }, meta);
  }

  @Post('notes/:id/addenda')
  @Roles(Role.DOCTOR)
  @ApiOperation({ summary: 'The author corrects a signed note: an addendum with text and reason' })
  @ApiResponse({ status: 201, type: ConsultationNoteDto })
  @ApiErrors(400, 401, 403, 404, 409)
  amend(@Param() p: IdParam, @Body() body: AddendumDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.addAddendum, { ...body, id: p.id }, meta);
  }
}
