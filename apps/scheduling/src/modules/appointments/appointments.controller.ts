import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SchedulingRpc,
  type AppointmentQuery,
  type BookAppointmentRequest,
  type RescheduleRequest,
  type TransitionRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AppointmentsService } from './appointments.service';

@Controller()
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Rpc(SchedulingRpc.book)
  book(@Payload() q: BookAppointmentRequest, @Meta() m: RequestMeta) {
    return this.appointments.book(q, m);
  }

  @Rpc(SchedulingRpc.getAppointment)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.appointments.get(q.id, m);
  }

  @Rpc(SchedulingRpc.listAppointments)
  list(@Payload() q: AppointmentQuery, @Meta() m: RequestMeta) {
    return this.appointments.list(q, m);
  }

  @Rpc(SchedulingRpc.confirm)
  confirm(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.appointments.confirm(q, m);
  }

  @Rpc(SchedulingRpc.decline)
  decline(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.appointments.decline(q, m);
  }

  @Rpc(SchedulingRpc.cancel)
  cancel(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.appointments.cancel(q, m);
  }

  @Rpc(SchedulingRpc.reschedule)
  reschedule(@Payload() q: RescheduleRequest, @Meta() m: RequestMeta) {
    return this.appointments.reschedule(q, m);
  }

  @Rpc(SchedulingRpc.start)
  start(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.appointments.start(q, m);
  }

  @Rpc(SchedulingRpc.complete)
  complete(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.appointments.complete(q, m);
  }

  @Rpc(SchedulingRpc.noShow)
  noShow(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.appointments.noShow(q, m);
  }
}
