import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RECORDING_CONSENT_MODEL, RecordingConsentSchema } from './recording-consent.schema';
import { RecordingConsents } from './recording-consents';

@Module({
  imports: [MongooseModule.forFeature([{ name: RECORDING_CONSENT_MODEL, schema: RecordingConsentSchema }])],
  providers: [RecordingConsents],
  exports: [RecordingConsents],
})
export class ConsentsModule {}
