import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SchedulingRpc,
  type CreateExceptionRequest,
  type CreateRuleRequest,
  type SlotQuery,
  type UpdateRuleRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AvailabilityExceptionsService } from './availability-exceptions.service';
import { AvailabilityRulesService } from './availability-rules.service';
import { SlotsService } from './slots.service';

@Controller()
export class AvailabilityController {
  constructor(
    private readonly rules: AvailabilityRulesService,
    private readonly exceptions: AvailabilityExceptionsService,
    private readonly slots: SlotsService,
  ) {}

  @Rpc(SchedulingRpc.listRules)
  listRules(@Payload() q: { doctorId: string }, @Meta() m: RequestMeta) {
    return this.rules.list(q.doctorId, m);
  }

  @Rpc(SchedulingRpc.createRule)
  createRule(@Payload() q: CreateRuleRequest, @Meta() m: RequestMeta) {
    return this.rules.create(q, m);
  }

  @Rpc(SchedulingRpc.updateRule)
  updateRule(@Payload() q: UpdateRuleRequest, @Meta() m: RequestMeta) {
    return this.rules.update(q, m);
  }

  @Rpc(SchedulingRpc.removeRule)
  removeRule(@Payload() q: { id: string; doctorId?: string }, @Meta() m: RequestMeta) {
    return this.rules.remove(q, m);
  }

  @Rpc(SchedulingRpc.listExceptions)
  listExceptions(@Payload() q: { doctorId: string; from?: string; to?: string }, @Meta() m: RequestMeta) {
    return this.exceptions.list(q, m);
  }

  @Rpc(SchedulingRpc.createException)
  createException(@Payload() q: CreateExceptionRequest, @Meta() m: RequestMeta) {
    return this.exceptions.create(q, m);
  }

  @Rpc(SchedulingRpc.removeException)
  removeException(@Payload() q: { id: string; doctorId?: string }, @Meta() m: RequestMeta) {
    return this.exceptions.remove(q, m);
  }

  @Rpc(SchedulingRpc.listSlots)
  listSlots(@Payload() q: SlotQuery, @Meta() m: RequestMeta) {
    return this.slots.list(q, m);
  }
}
