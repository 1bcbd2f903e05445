import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, type CreateOrganisationRequest, type PageQuery } from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { OrganisationsService } from './organisations.service';

@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Rpc(IdentityRpc.createOrganisation)
  create(@Payload() q: CreateOrganisationRequest, @Meta() m: RequestMeta) {
    return this.organisations.create(q, m);
  }

  @Rpc(IdentityRpc.listOrganisations)
  list(@Payload() q: PageQuery, @Meta() m: RequestMeta) {
    return this.organisations.list(q, m);
  }

  @Rpc(IdentityRpc.getOrganisation)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.organisations.get(q.id, m);
  }
}
