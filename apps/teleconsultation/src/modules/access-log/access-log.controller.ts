import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ClinicalRpc, type AccessLogQuery } from '@telehealth/contracts';
import { Meta, Rpc, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { AccessLog } from './access-log';

@Controller()
export class AccessLogController {
  constructor(private readonly log: AccessLog) {}

  /** Only ever the caller's own log: there is no way to name another patient. */
  @Rpc(ClinicalRpc.accessLog)
  list(@Payload() q: AccessLogQuery, @Meta() m: RequestMeta) {
    return this.log.list(requireCaller(m).userId, q);
  }
}
