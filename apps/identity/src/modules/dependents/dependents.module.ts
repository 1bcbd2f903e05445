import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DEPENDENT_PLACE_MODEL, DependentPlaceSchema } from './dependent-place.schema';
import { DEPENDENT_MODEL, DependentSchema } from './dependent.schema';
import { DependentPlacesRepository } from './dependent-places.repository';
import { DependentsController } from './dependents.controller';
import { DependentsRepository } from './dependents.repository';
import { DependentsService } from './dependents.service';

/** People covered through a primary patient, visible only to that patient and admins. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DEPENDENT_MODEL, schema: DependentSchema },
      { name: DEPENDENT_PLACE_MODEL, schema: DependentPlaceSchema },
    ]),
  ],
  controllers: [DependentsController],
  providers: [DependentsRepository, DependentPlacesRepository, DependentsService],
  exports: [DependentsService, DependentsRepository],
})
export class DependentsModule {}
