import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@telehealth/service-kit';
import { MedicalCipher } from '../../common/medical-cipher';
import { ACCESS_ENTRY_MODEL, AccessEntrySchema } from './access-entry.schema';
import { AccessLog } from './access-log';
import { AccessLogController } from './access-log.controller';

/** The audit of reads of clinical data, which each patient can list. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ACCESS_ENTRY_MODEL, schema: AccessEntrySchema }])],
  controllers: [AccessLogController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    MedicalCipher,
    AccessLog,
  ],
  exports: [AccessLog],
})
export class AccessLogModule {}
