import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DEPENDENT_MODEL, DependentSchema } from './dependent.schema';
import { DependentsController } from './dependents.controller';
import { DependentsRepository } from './dependents.repository';
import { DependentsService } from './dependents.service';

/** People covered through a primary patient, visible only to that patient and admins. */
@Module({
  imports: [MongooseModule.forFeature([{ name: DEPENDENT_MODEL, schema: DependentSchema }])],
  controllers: [DependentsController],
  providers: [DependentsRepository, DependentsService],
  exports: [DependentsService, DependentsRepository],
})
export class DependentsModule {}
