import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClinicalRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { AccessReason, ApiAccessReason } from '../../common/http/access-reason';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam } from '../../common/openapi/common.dto';
import {
  AddOwnVitalsDto,
  AddPatientEntriesDto,
  MedicalRecordDto,
  OwnRecordQueryDto,
  PatientRecordQueryDto,
  UpdateOwnRecordDto,
} from './dto/medical-record.dto';

/**
 * Medical records: the history a patient (or a dependent's guardian) writes, and what treating
 * doctors add from their appointments. Doctors read a record only while they treat the patient;
 * admins only with a stated reason; every such read is in the patient's access log.
 */
@ApiTags('medical records')
@ApiBearerAuth()
@Controller()
export class MedicalRecordsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('me/medical-record')
  @ApiOperation({ summary: "My medical record, or my dependent's (?dependentId=)" })
  @ApiResponse({ status: 200, type: MedicalRecordDto })
  @ApiErrors(400, 401, 404)
  own(@Query() q: OwnRecordQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.ownRecord, { dependentId: q.dependentId }, meta);
  }

  @Put('me/medical-record')
  @ApiOperation({
    summary: 'Write my history',
    description:
      "Each section given replaces your own entries in it; entries your doctors added stay. Sections left out are unchanged. Send `version` to be sure you replace what you read (409 CONCURRENT_CHANGE otherwise). For a dependent's record, `dependentId`.",
  })
  @ApiResponse({ status: 200, type: MedicalRecordDto })
  @ApiErrors(400, 401, 404, 409)
  update(@Body() body: UpdateOwnRecordDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.updateOwnRecord, { ...body }, meta);
  }

  @Post('me/medical-record/vitals')
  @ApiOperation({ summary: 'Record my vitals (or a dependent’s): added, never replaced' })
  @ApiResponse({ status: 201, type: MedicalRecordDto })
  @ApiErrors(400, 401, 404)
  addVitals(@Body() body: AddOwnVitalsDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.addOwnEntries, { ...body }, meta);
  }

  @Get('patients/:id/medical-record')
  @Roles(Role.DOCTOR, Role.ADMIN)
  @ApiAccessReason()
  @ApiOperation({
    summary: "A patient's medical record",
    description:
      'For a doctor with a care relationship (an appointment with the patient that is upcoming, under way, or completed within the configured period), or an admin stating a reason in X-Access-Reason (400 REASON_REQUIRED without). Anyone else gets 404. Each read is logged for the patient.',
  })
  @ApiResponse({ status: 200, type: MedicalRecordDto })
  @ApiErrors(400, 401, 403, 404)
  patient(
    @Param() p: IdParam,
    @Query() q: PatientRecordQueryDto,
    @AccessReason() accessReason: string | undefined,
    @CallMeta() meta: RequestMeta,
  ) {
    return this.rpc.call(
      ClinicalRpc.patientRecord,
      { patientId: p.id, dependentId: q.dependentId, accessReason },
      meta,
    );
  }

  @Post('patients/:id/medical-record/entries')
  @Roles(Role.DOCTOR)
  @ApiOperation({
    summary: "A treating doctor adds entries to the patient's record from one of their appointments",
    description:
      'The appointment must be yours, with this patient (and dependent), confirmed, under way or completed (404 / 409 APPOINTMENT_NOT_ACTIVE otherwise).',
  })
  @ApiResponse({ status: 201, type: MedicalRecordDto })
  @ApiErrors(400, 401, 403, 404, 409)
  addEntries(@Param() p: IdParam, @Body() body: AddPatientEntriesDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.addPatientEntries, { ...body, patientId: p.id }, meta);
  }
}
