import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TeleconsultationRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { AccessReason, ApiAccessReason } from '../../common/http/access-reason';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { MarkReadDto, MessageDto, OpenThreadDto, PostMessageDto, ThreadDto, ThreadPageDto } from './dto/thread.dto';

/**
 * Secure messaging (issue 11 §5): one thread per care relationship (a patient with a doctor, or
 * with a provider organisation), messages encrypted at rest, unread counts per thread and in total.
 * Only the participants see a thread (anyone else: 404); an admin reads one with a stated reason.
 */
@ApiTags('threads')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open the thread of a care relationship (or get the one that exists)',
    description:
      'A patient names a doctor (doctorId) or an organisation (organisationId) they have had an appointment with; a doctor names a patient they have a care relationship with (patientId); organisation staff name a patient of their organisation (patientId and organisationId).',
  })
  @ApiResponse({ status: 200, type: ThreadDto })
  @ApiErrors(400, 401, 403, 404)
  open(@Body() body: OpenThreadDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.openThread, { ...body }, meta);
  }

  @Get()
  @ApiOperation({ summary: 'Your threads, newest activity first, with unread counts and their total' })
  @ApiResponse({ status: 200, type: ThreadPageDto })
  @ApiErrors(400, 401)
  list(@Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.listThreads, { page: q.page, limit: q.limit }, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One thread, with your unread count' })
  @ApiAccessReason()
  @ApiResponse({ status: 200, type: ThreadDto })
  @ApiErrors(400, 401, 404)
  get(@Param() p: IdParam, @AccessReason() accessReason: string | undefined, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.getThread, { id: p.id, accessReason }, meta);
  }

  @Get(':id/messages')
  @ApiOperation({ summary: "A thread's messages, newest first" })
  @ApiAccessReason()
  @ApiResponse({ status: 200, type: PageOf(MessageDto) })
  @ApiErrors(400, 401, 404)
  messages(
    @Param() p: IdParam,
    @Query() q: PageQueryDto,
    @AccessReason() accessReason: string | undefined,
    @CallMeta() meta: RequestMeta,
  ) {
    return this.rpc.call(
      TeleconsultationRpc.listMessages,
      { page: q.page, limit: q.limit, id: p.id, accessReason },
      meta,
    );
  }

  @Post(':id/messages')
  @ApiOperation({
    summary: 'Post a message (text, attachments, or both)',
    description: 'It takes the next seq of the thread; the other side is notified and sees it on the event stream.',
  })
  @ApiResponse({ status: 201, type: MessageDto })
  @ApiErrors(400, 401, 404, 409)
  post(@Param() p: IdParam, @Body() body: PostMessageDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.postMessage, { ...body, id: p.id }, meta);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the thread read up to a message (default: the newest)' })
  @ApiResponse({ status: 200, type: ThreadDto })
  @ApiErrors(400, 401, 404)
  read(@Param() p: IdParam, @Body() body: MarkReadDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(TeleconsultationRpc.markThreadRead, { ...body, id: p.id }, meta);
  }
}
