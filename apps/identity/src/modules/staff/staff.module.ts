import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

/**
 * Staff accounts of a provider organisation: users (with an organisation) seen from the
 * organisation. Its own module, above both: creating a user checks the organisation exists,
 * so organisations cannot also depend on users.
 */
@Module({
  imports: [UsersModule, OrganisationsModule],
  controllers: [StaffController],
  providers: [StaffService],
})
export class StaffModule {}
