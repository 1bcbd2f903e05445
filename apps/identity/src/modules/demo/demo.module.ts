import { Module } from '@nestjs/common';
import { DependentsModule } from '../dependents/dependents.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo.seeder';

/** Demo data (DEMO_DATA=true): the demo organisation, accounts and dependents behind the demo logins. */
@Module({
  imports: [UsersModule, OrganisationsModule, DependentsModule],
  providers: [DemoSeeder],
})
export class DemoModule {}
