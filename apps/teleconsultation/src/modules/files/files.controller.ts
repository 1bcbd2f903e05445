import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { FilesRpc, type FileById, type AccessReason, type RequestFileUpload } from '@telehealth/contracts';
import { Meta, Rpc, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Files } from './files';

/** NATS handlers of the files routes: each calls the registry. */
@Controller()
export class FilesController {
  constructor(private readonly files: Files) {}

  @Rpc(FilesRpc.requestUpload)
  requestUpload(@Payload() q: RequestFileUpload, @Meta() m: RequestMeta) {
    return this.files.requestUpload(requireCaller(m), q);
  }

  @Rpc(FilesRpc.confirm)
  confirm(@Payload() q: FileById, @Meta() m: RequestMeta) {
    return this.files.confirm(q.id, requireCaller(m));
  }

  @Rpc(FilesRpc.get)
  get(@Payload() q: FileById & AccessReason, @Meta() m: RequestMeta) {
    return this.files.download(q.id, requireCaller(m), { accessReason: q.accessReason });
  }

  @Rpc(FilesRpc.remove)
  async remove(@Payload() q: FileById, @Meta() m: RequestMeta) {
    await this.files.remove(q.id, requireCaller(m));
    return { deleted: true as const };
  }
}
