import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, SchedulingRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { OptionalAuth, Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { CreateSpecialtyDto, SpecialtyDto, UpdateSpecialtyDto } from './dto/specialty.dto';

/** Specialties (seed 003): what patients search doctors by. */
@ApiTags('directory')
@Controller('specialties')
export class SpecialtiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @OptionalAuth()
  @ApiOperation({ summary: 'Active specialties by name (public; admins also see retired ones)' })
  @ApiResponse({ status: 200, type: PageOf(SpecialtyDto) })
  @ApiErrors(400, 401)
  list(@Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listSpecialties, { page: q.page, limit: q.limit }, meta);
  }

  @Post()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Add a specialty (admin)' })
  @ApiResponse({ status: 201, type: SpecialtyDto })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() body: CreateSpecialtyDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(
      SchedulingRpc.createSpecialty,
      { code: body.code, name: body.name, description: body.description ?? null },
      meta,
    );
  }

  @Patch(':id')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Edit or retire a specialty (admin)' })
  @ApiResponse({ status: 200, type: SpecialtyDto })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@Param() p: IdParam, @Body() body: UpdateSpecialtyDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.updateSpecialty, { ...body, id: p.id }, meta);
  }
}
