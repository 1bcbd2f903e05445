import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CONSENT_MODEL, ConsentSchema } from './consent.schema';
import { ConsentsController } from './consents.controller';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

/** The consents a user granted or withdrew (append-only; the latest per type is in force). */
@Module({
  imports: [MongooseModule.forFeature([{ name: CONSENT_MODEL, schema: ConsentSchema }])],
  controllers: [ConsentsController],
  providers: [ConsentsRepository, ConsentsService],
})
export class ConsentsModule {}
