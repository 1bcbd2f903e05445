import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EnrollmentStatus, IdentityEvents, OrganisationStatus } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { IdentityConfig } from '../../config/identity.config';
import { PasswordHasher } from '../../crypto/password-hasher';
import { PiiCipher } from '../../crypto/pii-cipher';
import { DependentsRepository } from '../dependents/dependents.repository';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { newUser } from '../users/new-user';
import { normaliseEmail } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION, DEMO_PASSWORD } from './demo-accounts';

const origin = { producer: 'identity' as const, correlationId: 'demo-data' };

/** Loads the demo accounts when DEMO_DATA=true. Idempotent: existing records are left alone. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly pii: PiiCipher,
    private readonly organisations: OrganisationsRepository,
    private readonly dependents: DependentsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    let created = 0;
    const o = DEMO_ORGANISATION;
    if (!(await this.organisations.exists(o.id))) {
      // Another replica may seed the same record first: one insert wins, the others do nothing.
      await this.organisations.insertOnce(
        {
          _id: o.id,
          name: o.name,
          email: o.email,
          phone: null,
          bio: 'Demo provider organisation',
          city: o.city,
          country: o.country,
          timeZone: o.timeZone,
          status: OrganisationStatus.ACTIVE,
          deletedAt: null,
        },
        [
          createEvent(
            IdentityEvents.organisationCreated,
            o.id,
            { organisationId: o.id, name: o.name, city: o.city, country: o.country, timeZone: o.timeZone },
            origin,
          ),
        ],
      );
    }
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      if (await this.users.findByEmail(normaliseEmail(a.email))) continue;
      const { doc, registered } = newUser(
        { ...a, passwordHash, organisationId: a.organisationId, emailVerified: true },
        'ADMIN',
        this.pii,
        origin,
      );
      await this.users.insert(doc, [registered]).catch(ignoreEmailTaken);
      for (const d of a.dependents ?? []) {
        await this.dependents.insertOnce(
          {
            _id: d.id,
            primaryUserId: a.id,
            firstName: d.firstName,
            lastName: d.lastName,
            relationship: d.relationship,
            dateOfBirthEnc: this.pii.encrypt(d.dateOfBirth),
            gender: d.gender,
            enrollmentStatus: EnrollmentStatus.ACTIVE,
            deletedAt: null,
          },
          [
            createEvent(
              IdentityEvents.dependentAdded,
              d.id,
              { dependentId: d.id, primaryUserId: a.id, relationship: d.relationship },
              origin,
            ),
          ],
        );
      }
      created++;
    }
    this.logger.log(created ? `demo data: ${created} accounts created` : 'demo data already present');
  }
}

/** Another replica seeded the same account first: fine. */
function ignoreEmailTaken(err: unknown): void {
  if (err instanceof DomainError && err.options.reason === 'EMAIL_TAKEN') return;
  throw err;
}
