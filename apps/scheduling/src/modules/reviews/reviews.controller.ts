import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SchedulingRpc,
  type DoctorReviewsQuery,
  type SetReviewPublishedRequest,
  type SubmitReviewRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { ReviewsService } from './reviews.service';

@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Rpc(SchedulingRpc.submitReview)
  submit(@Payload() q: SubmitReviewRequest, @Meta() m: RequestMeta) {
    return this.reviews.submit(q, m);
  }

  @Rpc(SchedulingRpc.listDoctorReviews)
  listForDoctor(@Payload() q: DoctorReviewsQuery) {
    return this.reviews.listForDoctor(q);
  }

  @Rpc(SchedulingRpc.setReviewPublished)
  setPublished(@Payload() q: SetReviewPublishedRequest, @Meta() m: RequestMeta) {
    return this.reviews.setPublished(q, m);
  }
}
