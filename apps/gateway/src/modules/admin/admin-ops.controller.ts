import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { BACKEND_SERVICES, Role, systemRpc, type BackendService } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { ParkedEventDto, ReplayResultDto } from './dto/admin.dto';

class ServiceParam {
  @ApiProperty({ enum: BACKEND_SERVICES })
  @IsIn(BACKEND_SERVICES as unknown as string[], { message: `must be one of ${BACKEND_SERVICES.join(', ')}` })
  service: BackendService;
}

class ParkedParam extends ServiceParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}

class ServiceHealthDto {
  @ApiProperty({ enum: BACKEND_SERVICES }) service: string;
  @ApiProperty({ enum: ['ok', 'degraded', 'unreachable'] }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) checks: Record<string, string>;
  @ApiProperty({ nullable: true, type: Number }) uptimeSeconds: number | null;
}

/** Operator tools: service health and the events consumers gave up on (list, replay). */
@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('admin/ops')
export class AdminOpsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('services')
  @ApiOperation({ summary: 'Health of every backend service, asked over NATS' })
  @ApiResponse({ status: 200, type: [ServiceHealthDto] })
  @ApiErrors(401, 403)
  services(@CallMeta() meta: RequestMeta): Promise<ServiceHealthDto[]> {
    return Promise.all(
      BACKEND_SERVICES.map(async (service): Promise<ServiceHealthDto> => {
        try {
          const r = await this.rpc.call(systemRpc(service).health, {}, meta, 2_000);
          return { service, status: r.status, checks: r.checks, uptimeSeconds: r.uptimeSeconds };
        } catch {
          return { service, status: 'unreachable', checks: {}, uptimeSeconds: null };
        }
      }),
    );
  }

  @Get(':service/parked-events')
  @ApiOperation({ summary: 'Events a consumer of the service parked after repeated failures' })
  @ApiResponse({ status: 200, type: PageOf(ParkedEventDto) })
  @ApiErrors(400, 401, 403)
  parked(@Param() p: ServiceParam, @Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(systemRpc(p.service).listParked, { page: q.page, limit: q.limit }, meta);
  }

  @Post(':service/parked-events/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply a parked event again (idempotent: an applied event is not applied twice)' })
  @ApiResponse({ status: 200, type: ReplayResultDto })
  @ApiErrors(400, 401, 403, 404)
  replay(@Param() p: ParkedParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(systemRpc(p.service).replayParked, { id: p.id }, meta);
  }
}
