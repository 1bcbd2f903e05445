import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FilesRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { AccessReason, ApiAccessReason } from '../../common/http/access-reason';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam } from '../../common/openapi/common.dto';
import { FileDeletedDto, FileDownloadDto, FileDto, RequestFileUploadDto, UploadTicketDto } from './dto/file.dto';

/**
 * Files on object storage (medical documents, prescriptions, message attachments, scans,
 * avatars). The bytes never pass through the API: a client asks for an upload, PUTs the bytes to
 * the presigned URL it gets, then confirms; downloads are short-lived presigned URLs. Clinical
 * files are read like the record they belong to (patient, treating doctor, admin with a reason,
 * each read by someone else in the patient's access log); anyone else gets 404.
 */
@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Request an upload: a file record (PENDING_UPLOAD) and a presigned PUT URL',
    description:
      "PUT exactly `size` bytes to `upload.url` with `upload.headers` before `upload.expiresAt`, then POST /v1/files/{id}/confirm. A type the purpose does not take: 400 FILE_TYPE_NOT_ALLOWED naming `contentType`; a size over the purpose's limit: 400 FILE_TOO_LARGE naming `size`.",
  })
  @ApiResponse({ status: 201, type: UploadTicketDto })
  @ApiErrors(400, 401, 404)
  requestUpload(@Body() body: RequestFileUploadDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(FilesRpc.requestUpload, { ...body }, meta);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the upload: the stored size and real type are checked, the SHA-256 recorded',
    description:
      'Bytes that are not the declared type (sniffed from the bytes) or size: 422 FILE_CONTENT_REJECTED, and the object is deleted. Nothing uploaded yet: 409 FILE_NOT_UPLOADED. Confirming a READY file again answers it as it is.',
  })
  @ApiResponse({ status: 200, type: FileDto })
  @ApiErrors(400, 401, 404, 409, 422)
  confirm(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(FilesRpc.confirm, { id: p.id }, meta);
  }

  @Get(':id')
  @ApiAccessReason()
  @ApiOperation({
    summary: 'The file and a short-lived download URL',
    description:
      'For the uploader, the patient, a doctor treating the patient, or an admin with X-Access-Reason; every read by someone other than the patient is in their access log. Anyone else: 404.',
  })
  @ApiResponse({ status: 200, type: FileDownloadDto })
  @ApiErrors(400, 401, 404, 409)
  get(@Param() p: IdParam, @AccessReason() accessReason: string | undefined, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(FilesRpc.get, { id: p.id, accessReason }, meta);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Delete my file (soft: hidden from everyone, kept for the retention period)',
    description: 'A file attached to something (a message, a prescription, a record) stays: 409 FILE_IN_USE.',
  })
  @ApiResponse({ status: 200, type: FileDeletedDto })
  @ApiErrors(400, 401, 404, 409)
  remove(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(FilesRpc.remove, { id: p.id }, meta);
  }
}
