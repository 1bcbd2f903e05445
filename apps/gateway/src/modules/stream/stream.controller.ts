import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthedRequest } from '../../common/http/call-meta.decorator';
import { ApiErrors } from '../../common/openapi/common.dto';
import type { AuthenticatedCaller } from '../../common/auth/jwt.strategy';
import { StreamService } from './stream.service';

const DESCRIPTION = `Server-Sent Events (\`text/event-stream\`): what concerns the caller, as it happens. A patient
gets their own (and their dependents') appointment, payment, wallet and consultation events; a doctor
those of their own schedule. Each domain event is a default (\`message\`) event whose \`data\` is one line of
JSON: \`{type, id, occurredAt, aggregateId, status?, appointmentId?, consultationId?, requestId?,
paymentId?, walletId?, entryId?, refundId?, ...}\`: ids and statuses only, never medical content; fetch the
details over REST. Control events: \`ready\` (live from here), \`resync\` (\`{reason}\`: what was missed
cannot be replayed; refetch over REST), \`closed\` (\`{reason}\`: TOKEN_EXPIRED, TOKEN_REVOKED,
SERVER_SHUTDOWN; reconnect with a fresh token) and \`dropped\` (\`{reason}\`: SLOW_CLIENT,
RESUME_OVERFLOW). Comment lines are heartbeats. Every event has an \`id\`: reconnect with it in
\`Last-Event-ID\` to get what was missed within the resume window (5 minutes by default). At most 5
open streams per user (the next one is refused with 429). See docs/stream.md.`;

@ApiTags('stream')
@Controller('stream')
export class StreamController {
  constructor(private readonly streams: StreamService) {}

  @Get()
  @ApiOperation({ summary: 'Real-time events for the caller (Server-Sent Events)', description: DESCRIPTION })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received, to resume' })
  @ApiQuery({
    name: 'access_token',
    required: false,
    description: 'The access token, for clients that cannot send an Authorization header (EventSource)',
  })
  @ApiResponse({
    status: 200,
    description: 'An event stream (text/event-stream), open until the token expires or is revoked',
    content: {
      'text/event-stream': { schema: { type: 'string', example: 'id: 1764684000000-42-17-9\ndata: {...}\n\n' } },
    },
  })
  @ApiErrors(401)
  async stream(@Req() req: AuthedRequest, @Res() reply: FastifyReply): Promise<void> {
    const lastEventId = req.headers['last-event-id'];
    await this.streams.connect(
      req.user as AuthenticatedCaller,
      typeof lastEventId === 'string' ? lastEventId : undefined,
      reply,
    );
  }
}
