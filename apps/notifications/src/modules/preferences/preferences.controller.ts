import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  NotificationsRpc,
  type UpdateOrganisationPreferencesRequest,
  type UpdatePreferencesRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Rpc(NotificationsRpc.getPreferences)
  get(@Meta() m: RequestMeta) {
    return this.preferences.get(m);
  }

  @Rpc(NotificationsRpc.updatePreferences)
  update(@Payload() q: UpdatePreferencesRequest, @Meta() m: RequestMeta) {
    return this.preferences.update(q, m);
  }

  @Rpc(NotificationsRpc.getOrganisationPreferences)
  getOrganisation(@Payload() q: { organisationId: string }, @Meta() m: RequestMeta) {
    return this.preferences.getOrganisation(q.organisationId, m);
  }

  @Rpc(NotificationsRpc.updateOrganisationPreferences)
  updateOrganisation(@Payload() q: UpdateOrganisationPreferencesRequest, @Meta() m: RequestMeta) {
    return this.preferences.updateOrganisation(q, m);
  }
}
