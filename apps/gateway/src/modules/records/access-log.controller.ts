import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClinicalRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { AccessLogEntryDto } from './dto/access-log.dto';

@ApiTags('medical records')
@Controller()
export class AccessLogController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('me/access-log')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Who read my clinical data (and my dependents'), newest first",
    description:
      'One entry per read of a medical record, note, prescription, file or thread by anyone but you: treating doctors, and admins with the reason they gave (breakGlass).',
  })
  @ApiResponse({ status: 200, type: PageOf(AccessLogEntryDto) })
  @ApiErrors(400, 401)
  list(@Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(ClinicalRpc.accessLog, { page: q.page, limit: q.limit }, meta);
  }
}
