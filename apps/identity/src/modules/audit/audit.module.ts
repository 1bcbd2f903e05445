import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AUDIT_MODEL, AuditEventSchema } from './audit-event.schema';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The authentication and account audit trail: every module records through AuditService. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AUDIT_MODEL, schema: AuditEventSchema }])],
  controllers: [AuditController],
  providers: [AuditEventsRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
