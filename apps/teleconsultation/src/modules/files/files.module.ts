import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FILE_MODEL, FileRecordSchema, ObjectStore } from '@telehealth/storage';
import { TeleconsultationConfig } from '../../config/teleconsultation.config';
import { CareModule } from '../care/care.module';
import { FILE_LINK_READERS, FileAccessPolicyImpl } from './file-access.policy';
import { Files } from './files';
import { FilesController } from './files.controller';

/**
 * Files on object storage (issue 11 §1): upload, confirm, download, delete, and `Files.attach`
 * for the modules that use a file. FILE_LINK_READERS is the hook through which a module whose
 * items carry files (message threads) lets its participants read them: none yet.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: FILE_MODEL, schema: FileRecordSchema }]), CareModule],
  controllers: [FilesController],
  providers: [
    {
      provide: ObjectStore,
      useFactory: (config: TeleconsultationConfig) => new ObjectStore(config),
      inject: [TeleconsultationConfig],
    },
    { provide: FILE_LINK_READERS, useValue: [] },
    FileAccessPolicyImpl,
    Files,
  ],
  exports: [Files],
})
export class FilesModule {}
