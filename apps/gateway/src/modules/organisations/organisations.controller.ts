import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdentityRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { AddStaffDto, CreateOrganisationDto, OrganisationDto, StaffDto } from './dto/organisation.dto';

/** Provider organisations (seed 002 providers) and their staff. */
@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Create a provider organisation' })
  @ApiResponse({ status: 201, type: OrganisationDto })
  @ApiErrors(400, 401, 403)
  create(@Body() body: CreateOrganisationDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.createOrganisation, body, meta);
  }

  @Get()
  @Roles(Role.ADMIN, Role.PROVIDER_STAFF, Role.DOCTOR)
  @ApiOperation({ summary: 'Organisations: all for admins, their own for staff and doctors' })
  @ApiResponse({ status: 200, type: PageOf(OrganisationDto) })
  @ApiErrors(400, 401, 403)
  list(@Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.listOrganisations, { page: q.page, limit: q.limit }, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation (admins and its members)' })
  @ApiResponse({ status: 200, type: OrganisationDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.getOrganisation, { id: p.id }, meta);
  }

  @Post(':id/staff')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Create a staff account (PROVIDER_STAFF and/or DOCTOR) in the organisation' })
  @ApiResponse({ status: 201, type: StaffDto })
  @ApiErrors(400, 401, 403, 404, 409)
  addStaff(@Param() p: IdParam, @Body() body: AddStaffDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.addStaff, { ...body, organisationId: p.id }, meta);
  }

  @Get(':id/staff')
  @ApiOperation({ summary: "The organisation's staff (admins and its members)" })
  @ApiResponse({ status: 200, type: PageOf(StaffDto) })
  @ApiErrors(400, 401, 404)
  listStaff(@Param() p: IdParam, @Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.listStaff, { id: p.id, page: q.page, limit: q.limit }, meta);
  }
}
