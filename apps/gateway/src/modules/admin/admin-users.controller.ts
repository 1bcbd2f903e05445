import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdentityRpc, Role } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { AckDto, ApiErrors, IdParam, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { UserDto } from '../auth/dto/user.dto';
import { DependentDto } from '../me/dto/me.dto';
import { AuditEventDto, AuditQueryDto, CreateUserDto, SetRolesDto, UserSearchQueryDto } from './dto/admin.dto';

@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('admin')
export class AdminUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users')
  @ApiOperation({ summary: 'Create a doctor, provider staff or admin account' })
  @ApiResponse({ status: 201, type: UserDto })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() body: CreateUserDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.createUser, body, meta);
  }

  @Get('users')
  @ApiOperation({ summary: 'Search users by email prefix or name, role, status, organisation, creation date' })
  @ApiResponse({ status: 200, type: PageOf(UserDto) })
  @ApiErrors(400, 401, 403)
  search(@Query() q: UserSearchQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.searchUsers, { ...q }, meta);
  }

  @Get('users/:id')
  @ApiOperation({ summary: 'One user' })
  @ApiResponse({ status: 200, type: UserDto })
  @ApiErrors(400, 401, 403, 404)
  get(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.getUser, { id: p.id }, meta);
  }

  @Put('users/:id/roles')
  @ApiOperation({ summary: "Replace a user's roles" })
  @ApiResponse({ status: 200, type: UserDto })
  @ApiErrors(400, 401, 403, 404, 409)
  setRoles(@Param() p: IdParam, @Body() body: SetRolesDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.setRoles, { userId: p.id, roles: body.roles }, meta);
  }

  @Delete('users/:id')
  @ApiOperation({ summary: 'Soft-delete a user and anonymise their PII' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(400, 401, 403, 404, 409)
  remove(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.deleteUser, { id: p.id }, meta);
  }

  @Get('users/:id/dependents')
  @ApiOperation({ summary: "A user's dependents" })
  @ApiResponse({ status: 200, type: PageOf(DependentDto) })
  @ApiErrors(400, 401, 403)
  dependents(@Param() p: IdParam, @Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.listUserDependents, { id: p.id, page: q.page, limit: q.limit }, meta);
  }

  @Get('audit-events')
  @ApiOperation({
    summary: 'Authentication audit trail: logins, failures, lockouts, token reuse, role changes, deletions',
  })
  @ApiResponse({ status: 200, type: PageOf(AuditEventDto) })
  @ApiErrors(400, 401, 403)
  audit(@Query() q: AuditQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.searchAudit, { ...q }, meta);
  }
}
