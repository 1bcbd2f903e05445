import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, SchedulingRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { OptionalAuth, Public, Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import { DoctorProfileDto, DoctorSearchHitDto, DoctorSearchQueryDto, UpdateDoctorProfileDto } from './dto/doctor.dto';
import { SlotDto, SlotQueryDto } from './dto/slot.dto';

/** Doctor profiles (seed 001 doctors): search, the public profile, its slots. */
@ApiTags('doctors')
@Controller('doctors')
export class DoctorsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search active doctors by specialty, city, distance, online/offline, language, insurer, fee and free day',
    description:
      'Sorted by distance (the default with lat/lng), rating (the default otherwise), lowest fee or soonest free slot. ' +
      'Searches by distance, free day, fee or soonest rank at most the 2,000 best-rated doctors matching the other filters: narrow by specialty or city beyond that.',
  })
  @ApiResponse({ status: 200, type: PageOf(DoctorSearchHitDto) })
  @ApiErrors(400)
  search(@Query() q: DoctorSearchQueryDto, @CallMeta() meta: RequestMeta) {
    const { lat, lng, radiusKm, ...rest } = q;
    const near =
      lat !== undefined && lng !== undefined ? { lat, lng, ...(radiusKm !== undefined && { radiusKm }) } : undefined;
    return this.rpc.call(SchedulingRpc.searchDoctors, { ...rest, ...(near && { near }) }, meta);
  }

  @Get(':id')
  @OptionalAuth()
  @ApiOperation({ summary: 'A doctor profile (public when active; drafts only to the doctor, their staff, admins)' })
  @ApiResponse({ status: 200, type: DoctorProfileDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.getDoctor, { id: p.id }, meta);
  }

  @Patch(':id')
  @Roles(Role.DOCTOR, Role.PROVIDER_STAFF, Role.ADMIN)
  @ApiOperation({
    summary: "Edit a doctor profile (the doctor, their organisation's staff, admins)",
    description:
      'Creates the profile when it does not exist yet (the doctor themself or an admin; firstName and lastName then required). New DOCTOR accounts get an inactive draft automatically.',
  })
  @ApiResponse({ status: 200, type: DoctorProfileDto })
  @ApiErrors(400, 401, 403, 404)
  update(@Param() p: IdParam, @Body() body: UpdateDoctorProfileDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.upsertDoctorProfile, { ...body, id: p.id }, meta);
  }

  @Get(':id/slots')
  @OptionalAuth()
  @ApiOperation({
    summary: "A doctor's slots over local dates, with seats booked and free",
    description: 'At most 31 dates per request; slots start at least the minimum notice from now, within the horizon.',
  })
  @ApiResponse({ status: 200, type: [SlotDto] })
  @ApiErrors(400, 401, 404)
  slots(@Param() p: IdParam, @Query() q: SlotQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listSlots, { ...q, doctorId: p.id }, meta);
  }
}
