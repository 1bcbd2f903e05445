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
import { Action } from './lifecycle';
import { BookAppointment } from './usecases/book-appointment/book-appointment.usecase';
import { GetAppointment } from './usecases/get-appointment/get-appointment.usecase';
import { ListAppointments } from './usecases/list-appointments/list-appointments.usecase';
import { RescheduleAppointment } from './usecases/reschedule-appointment/reschedule-appointment.usecase';
import {
  TransitionAppointment,
  type UserAction,
} from './usecases/transition-appointment/transition-appointment.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class AppointmentsController {
  constructor(
    private readonly bookAppointment: BookAppointment,
    private readonly getAppointment: GetAppointment,
    private readonly listAppointments: ListAppointments,
    private readonly transitionAppointment: TransitionAppointment,
    private readonly rescheduleAppointment: RescheduleAppointment,
  ) {}

  @Rpc(SchedulingRpc.book)
  book(@Payload() q: BookAppointmentRequest, @Meta() m: RequestMeta) {
    return this.bookAppointment.execute(q, m);
  }

  @Rpc(SchedulingRpc.getAppointment)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.getAppointment.execute(q.id, m);
  }

  @Rpc(SchedulingRpc.listAppointments)
  list(@Payload() q: AppointmentQuery, @Meta() m: RequestMeta) {
    return this.listAppointments.execute(q, m);
  }

  @Rpc(SchedulingRpc.confirm)
  confirm(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.transition(q, Action.CONFIRM, m);
  }

  @Rpc(SchedulingRpc.decline)
  decline(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.transition(q, Action.DECLINE, m);
  }

  @Rpc(SchedulingRpc.cancel)
  cancel(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.transition(q, Action.CANCEL, m);
  }

  @Rpc(SchedulingRpc.reschedule)
  reschedule(@Payload() q: RescheduleRequest, @Meta() m: RequestMeta) {
    return this.rescheduleAppointment.execute(q, m);
  }

  @Rpc(SchedulingRpc.start)
  start(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.transition(q, Action.START, m);
  }

  @Rpc(SchedulingRpc.complete)
  complete(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.transition(q, Action.COMPLETE, m);
  }

  @Rpc(SchedulingRpc.noShow)
  noShow(@Payload() q: TransitionRequest, @Meta() m: RequestMeta) {
    return this.transition(q, Action.NO_SHOW, m);
  }

  private transition(q: TransitionRequest, action: UserAction, m: RequestMeta) {
    return this.transitionAppointment.execute({ id: q.id, action, reason: q.reason }, m);
  }
}
