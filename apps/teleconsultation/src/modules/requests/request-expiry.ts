import { Injectable } from '@nestjs/common';
import { ConsultationRequestStatus } from '@telehealth/contracts';
import { InjectQueue, JobSweep, OnJob, type Job, type JobQueue } from '@telehealth/jobs';
import { TeleconsultationQueues, type RequestExpiryJob } from '../../queues';
import { ConsultationRequestStore } from './consultation-request.store';
import { ExpireRequest } from './usecases/expire-request/expire-request.usecase';

export const requestExpiryJobId = (requestId: string) => `request-expiry-${requestId}`;

/** Each request's deadline as a delayed job; on start, every unsettled request gets its job again. */
@Injectable()
export class RequestExpiry {
  constructor(
    @InjectQueue(TeleconsultationQueues.requestExpiry) private readonly queue: JobQueue<RequestExpiryJob>,
    private readonly store: ConsultationRequestStore,
    private readonly expire: ExpireRequest,
  ) {}

  async schedule(requestId: string, at: Date): Promise<void> {
    await this.queue.ensure(requestExpiryJobId(requestId), { requestId }, { at });
  }

  @OnJob(TeleconsultationQueues.requestExpiry)
  run(job: Job<RequestExpiryJob>): Promise<void> {
    return this.expire.execute(job.data.requestId);
  }

  /** A job lost between a request's insert and its add would leave the fee held forever. */
  @JobSweep(TeleconsultationQueues.requestExpiry)
  async sweep(): Promise<number> {
    let n = 0;
    const open = [ConsultationRequestStatus.PENDING_PAYMENT, ConsultationRequestStatus.OPEN];
    for await (const r of this.store.inStatus(open)) {
      await this.schedule(r._id, r.expiresAt);
      n++;
    }
    return n;
  }
}
