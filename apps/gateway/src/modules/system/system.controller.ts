import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BACKEND_SERVICES, systemRpc, type BackendService } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Public } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors } from '../../common/openapi/common.dto';

class ServiceParam {
  @ApiProperty({ enum: BACKEND_SERVICES })
  @IsIn(BACKEND_SERVICES as unknown as string[], { message: `must be one of ${BACKEND_SERVICES.join(', ')}` })
  service: BackendService;
}

class PingDto {
  @ApiProperty({ enum: BACKEND_SERVICES }) service: string;
  @ApiProperty({ type: 'string', example: 'pong', description: 'The payload the service sent back' }) echo: string;
}

/** A round trip gateway -> NATS -> service -> back: connectivity checks and the transport benchmark. */
@ApiTags('system')
@Public()
@Controller('system')
export class SystemController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('ping/:service')
  @ApiOperation({ summary: 'Echo through a backend service over NATS' })
  @ApiResponse({ status: 200, type: PingDto })
  @ApiErrors(400)
  async ping(@Param() p: ServiceParam, @CallMeta() meta: RequestMeta): Promise<PingDto> {
    const r = await this.rpc.call(systemRpc(p.service).echo, { payload: 'pong' }, meta);
    return { service: p.service, echo: String(r.payload) };
  }
}
