import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { REVIEW_MODEL, REVIEW_VISIBILITY_MODEL, ReviewSchema, ReviewVisibilityChangeSchema } from './review.schema';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

/**
 * Reviews of completed appointments and the doctor's rating. `appointments` is the registered
 * appointments module (for its AppointmentStore); the directory provides the profile model.
 */
@Module({})
export class ReviewsModule {
  static register(appointments: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: ReviewsModule,
      imports: [
        appointments,
        DirectoryModule,
        MongooseModule.forFeature([
          { name: REVIEW_MODEL, schema: ReviewSchema },
          { name: REVIEW_VISIBILITY_MODEL, schema: ReviewVisibilityChangeSchema },
        ]),
      ],
      controllers: [ReviewsController],
      providers: [ReviewsService],
    };
  }
}
