import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  PrescriptionRpc,
  type AccessReason,
  type CancelPrescriptionRequest,
  type CreatePrescriptionRequest,
  type PrescriptionQuery,
  type UpdatePrescriptionRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { CancelPrescription } from './usecases/cancel-prescription/cancel-prescription.usecase';
import { CreatePrescription } from './usecases/create-prescription/create-prescription.usecase';
import { GetPrescription } from './usecases/get-prescription/get-prescription.usecase';
import { ListPrescriptions } from './usecases/list-prescriptions/list-prescriptions.usecase';
import { RenderPrescriptionPdf } from './usecases/render-prescription-pdf/render-prescription-pdf.usecase';
import { SignPrescription } from './usecases/sign-prescription/sign-prescription.usecase';
import { UpdatePrescription } from './usecases/update-prescription/update-prescription.usecase';
import { VerifyPrescription } from './usecases/verify-prescription/verify-prescription.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class PrescriptionsController {
  constructor(
    private readonly createPrescription: CreatePrescription,
    private readonly listPrescriptions: ListPrescriptions,
    private readonly getPrescription: GetPrescription,
    private readonly updatePrescription: UpdatePrescription,
    private readonly signPrescription: SignPrescription,
    private readonly cancelPrescription: CancelPrescription,
    private readonly renderPdf: RenderPrescriptionPdf,
    private readonly verifyPrescription: VerifyPrescription,
  ) {}

  @Rpc(PrescriptionRpc.create)
  create(@Payload() q: CreatePrescriptionRequest, @Meta() m: RequestMeta) {
    return this.createPrescription.execute(q, m);
  }

  @Rpc(PrescriptionRpc.list)
  list(@Payload() q: PrescriptionQuery, @Meta() m: RequestMeta) {
    return this.listPrescriptions.execute(q, m);
  }

  @Rpc(PrescriptionRpc.get)
  get(@Payload() q: { id: string } & AccessReason, @Meta() m: RequestMeta) {
    return this.getPrescription.execute(q, m);
  }

  @Rpc(PrescriptionRpc.update)
  update(@Payload() q: UpdatePrescriptionRequest, @Meta() m: RequestMeta) {
    return this.updatePrescription.execute(q, m);
  }

  @Rpc(PrescriptionRpc.sign)
  sign(@Payload() q: { id: string }, @Meta() m: RequestMeta) {
    return this.signPrescription.execute(q, m);
  }

  @Rpc(PrescriptionRpc.cancel)
  cancel(@Payload() q: CancelPrescriptionRequest, @Meta() m: RequestMeta) {
    return this.cancelPrescription.execute(q, m);
  }

  @Rpc(PrescriptionRpc.pdf)
  pdf(@Payload() q: { id: string } & AccessReason, @Meta() m: RequestMeta) {
    return this.renderPdf.execute(q, m);
  }

  @Rpc(PrescriptionRpc.verify)
  verify(@Payload() q: { code: string }) {
    return this.verifyPrescription.execute(q);
  }
}
