import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@telehealth/jobs';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@telehealth/service-kit';
import { MedicalCipher } from '../../common/medical-cipher';
import { TeleconsultationQueues } from '../../queues';
import { ConsultationsModule } from '../consultations/consultations.module';
import { DoctorsModule } from '../doctors/doctors.module';
import { CONSULTATION_REQUEST_MODEL, ConsultationRequestSchema } from './consultation-request.schema';
import { ConsultationRequestStore } from './consultation-request.store';
import { RequestEventsConsumer } from './request-events.consumer';
import { RequestExpiry } from './request-expiry';
import { RequestsController } from './requests.controller';
import { AcceptRequest } from './usecases/accept-request/accept-request.usecase';
import { CancelRequest } from './usecases/cancel-request/cancel-request.usecase';
import { CreateRequest } from './usecases/create-request/create-request.usecase';
import { ExpireRequest } from './usecases/expire-request/expire-request.usecase';
import { GetRequest } from './usecases/get-request/get-request.usecase';
import { ListRequests } from './usecases/list-requests/list-requests.usecase';
import { OpenOnDemandSession } from './usecases/open-on-demand-session/open-on-demand-session.usecase';
import { RecordRequestPayment } from './usecases/record-request-payment/record-request-payment.usecase';

/**
 * On-demand consultations (seed 000 `telemedicine_requests`): a patient asks now, the fee is held,
 * the specialty's online doctors see the request, the first to accept gets a session starting now;
 * unaccepted, it expires and the fee is released.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: CONSULTATION_REQUEST_MODEL, schema: ConsultationRequestSchema }]),
    JobsModule.forFeature([
      {
        queue: TeleconsultationQueues.requestExpiry,
        jobs: { attempts: 5, backoffMs: 1_000, removeOnComplete: true, removeOnFail: 1_000 },
      },
    ]),
    ConsultationsModule,
    DoctorsModule,
  ],
  controllers: [RequestsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    MedicalCipher,
    ConsultationRequestStore,
    RequestExpiry,
    RequestEventsConsumer,
    CreateRequest,
    GetRequest,
    ListRequests,
    AcceptRequest,
    CancelRequest,
    ExpireRequest,
    RecordRequestPayment,
    OpenOnDemandSession,
  ],
})
export class RequestsModule {}
