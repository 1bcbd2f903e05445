import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { DependentsModule } from '../dependents/dependents.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SessionsModule } from '../sessions/sessions.module';
import { USER_MODEL, UserSchema } from './user.schema';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * Accounts of every role: profiles, admin account management and erasure (which ends the
 * account's sessions and anonymises its dependents). Exports the repository for auth, staff and
 * the demo seeder, which create and read accounts too.
 */
@Module({
  imports: [
    AuditModule,
    SessionsModule,
    DependentsModule,
    OrganisationsModule,
    MongooseModule.forFeature([{ name: USER_MODEL, schema: UserSchema }]),
  ],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}
