import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SUPPRESSION_MODEL, SuppressionSchema } from './suppression.schema';
import { SuppressionsRepository } from './suppressions.repository';

/**
 * Who may no longer be contacted (a deleted account): written by the identity consumer, read by
 * the dispatcher and again by the channel workers right before sending.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: SUPPRESSION_MODEL, schema: SuppressionSchema }])],
  providers: [SuppressionsRepository],
  exports: [SuppressionsRepository],
})
export class SuppressionsModule {}
