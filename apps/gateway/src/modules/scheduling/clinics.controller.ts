import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, SchedulingRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { OptionalAuth, Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import { ClinicDto, ClinicQueryDto, CreateClinicDto, UpdateClinicDto } from './dto/clinic.dto';

/** Clinics (seed 001 / 003 locations): where in-clinic appointments happen. */
@ApiTags('directory')
@Controller('clinics')
export class ClinicsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @OptionalAuth()
  @ApiOperation({ summary: 'Active clinics by name, by city (public; managers also see their inactive ones)' })
  @ApiResponse({ status: 200, type: PageOf(ClinicDto) })
  @ApiErrors(400, 401)
  list(@Query() q: ClinicQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listClinics, { ...q }, meta);
  }

  @Get(':id')
  @OptionalAuth()
  @ApiOperation({ summary: 'One clinic (public when active)' })
  @ApiResponse({ status: 200, type: ClinicDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.getClinic, { id: p.id }, meta);
  }

  @Post()
  @Roles(Role.ADMIN, Role.PROVIDER_STAFF)
  @ApiOperation({ summary: 'Add a clinic (admin, or staff for their own organisation)' })
  @ApiResponse({ status: 201, type: ClinicDto })
  @ApiErrors(400, 401, 403)
  create(@Body() body: CreateClinicDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(
      SchedulingRpc.createClinic,
      {
        ...body,
        organisationId: body.organisationId ?? null,
        phone: body.phone ?? null,
        email: body.email ?? null,
        facilities: body.facilities ?? [],
      },
      meta,
    );
  }

  @Patch(':id')
  @Roles(Role.ADMIN, Role.PROVIDER_STAFF)
  @ApiOperation({ summary: "Edit a clinic (admin, or staff of the clinic's organisation)" })
  @ApiResponse({ status: 200, type: ClinicDto })
  @ApiErrors(400, 401, 403, 404)
  update(@Param() p: IdParam, @Body() body: UpdateClinicDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.updateClinic, { ...body, id: p.id }, meta);
  }
}
