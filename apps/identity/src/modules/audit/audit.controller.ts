import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, Role, type AuditQuery } from '@telehealth/contracts';
import { Meta, Rpc, requireRole, type RequestMeta } from '@telehealth/messaging';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Rpc(IdentityRpc.searchAudit)
  search(@Payload() q: AuditQuery, @Meta() m: RequestMeta) {
    requireRole(m, Role.ADMIN);
    return this.audit.search(q);
  }
}
