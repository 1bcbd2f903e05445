import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  TeleconsultationRpc,
  type ConsultationRequestQuery,
  type CreateConsultationRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AcceptRequest } from './usecases/accept-request/accept-request.usecase';
import { CancelRequest } from './usecases/cancel-request/cancel-request.usecase';
import { CreateRequest } from './usecases/create-request/create-request.usecase';
import { GetRequest } from './usecases/get-request/get-request.usecase';
import { ListRequests } from './usecases/list-requests/list-requests.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class RequestsController {
  constructor(
    private readonly createRequest: CreateRequest,
    private readonly listRequests: ListRequests,
    private readonly getRequest: GetRequest,
    private readonly acceptRequest: AcceptRequest,
    private readonly cancelRequest: CancelRequest,
  ) {}

  @Rpc(TeleconsultationRpc.createRequest)
  create(@Payload() q: CreateConsultationRequest, @Meta() m: RequestMeta) {
    return this.createRequest.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.listRequests)
  list(@Payload() q: ConsultationRequestQuery, @Meta() m: RequestMeta) {
    return this.listRequests.execute(q, m);
  }

  @Rpc(TeleconsultationRpc.getRequest)
  get(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.getRequest.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.acceptRequest)
  accept(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.acceptRequest.execute(q.id, m);
  }

  @Rpc(TeleconsultationRpc.cancelRequest)
  cancel(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.cancelRequest.execute(q.id, m);
  }
}
