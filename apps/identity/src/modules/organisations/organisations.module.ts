import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ORGANISATION_MODEL, OrganisationSchema } from './organisation.schema';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

/** Provider organisations (clinics, hospitals). Their staff accounts are the staff module's. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ORGANISATION_MODEL, schema: OrganisationSchema }])],
  controllers: [OrganisationsController],
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService, OrganisationsRepository],
})
export class OrganisationsModule {}
