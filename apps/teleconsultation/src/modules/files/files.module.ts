import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FILE_MODEL, FileRecordSchema, ObjectStore } from '@telehealth/storage';
import { TeleconsultationConfig } from '../../config/teleconsultation.config';
import { CareModule } from '../care/care.module';
import { PRESCRIPTION_MODEL, PrescriptionSchema } from '../prescriptions/prescription.schema';
import { PrescriptionFileReader } from '../prescriptions/prescription-file-reader';
import { MESSAGE_THREAD_MODEL, MessageThreadSchema } from '../threads/thread.schema';
import { ThreadFileReader } from '../threads/thread-file-reader';
import { FILE_LINK_READERS, FileAccessPolicyImpl, type FileLinkReader } from './file-access.policy';
import { Files } from './files';
import { FilesController } from './files.controller';

/**
 * Files on object storage (issue 11 §1): upload, confirm, download, delete, and `Files.attach`
 * for the modules that use a file. FILE_LINK_READERS is the hook through which a module whose
 * items carry files (message threads) lets its participants read them: none yet.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: FILE_MODEL, schema: FileRecordSchema },
      { name: MESSAGE_THREAD_MODEL, schema: MessageThreadSchema },
      { name: PRESCRIPTION_MODEL, schema: PrescriptionSchema },
    ]),
    CareModule,
  ],
  controllers: [FilesController],
  providers: [
    {
      provide: ObjectStore,
      useFactory: (config: TeleconsultationConfig) => new ObjectStore(config),
      inject: [TeleconsultationConfig],
    },
    ThreadFileReader,
    PrescriptionFileReader,
    {
      provide: FILE_LINK_READERS,
      useFactory: (...readers: FileLinkReader[]) => readers,
      inject: [ThreadFileReader, PrescriptionFileReader],
    },
    FileAccessPolicyImpl,
    Files,
  ],
  exports: [Files],
})
export class FilesModule {}
