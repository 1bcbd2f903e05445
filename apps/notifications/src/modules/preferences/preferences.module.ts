import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrganisationPreferencesRepository } from './organisation-preferences.repository';
import { PreferencesController } from './preferences.controller';
import {
  ORGANISATION_PREFERENCES_MODEL,
  OrganisationPreferencesSchema,
  USER_PREFERENCES_MODEL,
  UserPreferencesSchema,
} from './preferences.schema';
import { PreferencesService } from './preferences.service';
import { UserPreferencesRepository } from './user-preferences.repository';

/** Users' notification preferences (channels, categories, quiet hours) and organisations' settings. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: USER_PREFERENCES_MODEL, schema: UserPreferencesSchema },
      { name: ORGANISATION_PREFERENCES_MODEL, schema: OrganisationPreferencesSchema },
    ]),
  ],
  controllers: [PreferencesController],
  providers: [UserPreferencesRepository, OrganisationPreferencesRepository, PreferencesService],
  exports: [PreferencesService],
})
export class PreferencesModule {}
