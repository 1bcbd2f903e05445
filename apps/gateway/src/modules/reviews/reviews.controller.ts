import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, SchedulingRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Public, Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiErrors, IdParam, PageOf, PageQueryDto } from '../../common/openapi/common.dto';
import { PublicReviewDto, ReviewDto, SubmitReviewDto } from './dto/review.dto';

/**
 * Reviews: a patient rates their own completed appointment once; the doctor's rating is the
 * mean of their published reviews; admins unpublish (and republish) a review.
 */
@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('appointments/:id/review')
  @Roles(Role.PATIENT)
  @ApiOperation({
    summary: 'Review your completed appointment (once): an overall rating, optional facets and text',
    description: 'Someone else’s appointment is 404; one not COMPLETED, or already reviewed, is 409.',
  })
  @ApiResponse({ status: 201, type: ReviewDto })
  @ApiErrors(400, 401, 403, 404, 409)
  submit(@Param() p: IdParam, @Body() body: SubmitReviewDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.submitReview, { ...body, appointmentId: p.id }, meta);
  }

  @Get('doctors/:id/reviews')
  @Public()
  @ApiOperation({ summary: "A doctor's published reviews, newest first" })
  @ApiResponse({ status: 200, type: PageOf(PublicReviewDto) })
  @ApiErrors(400, 404)
  list(@Param() p: IdParam, @Query() q: PageQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.listDoctorReviews, { doctorId: p.id, page: q.page, limit: q.limit }, meta);
  }

  @Post('admin/reviews/:id/unpublish')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: "Hide a review from the public list and the doctor's rating (admin)" })
  @ApiResponse({ status: 200, type: ReviewDto })
  @ApiErrors(400, 401, 403, 404, 409)
  unpublish(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.setReviewPublished, { id: p.id, published: false }, meta);
  }

  @Post('admin/reviews/:id/publish')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: "Show an unpublished review again, counted in the doctor's rating (admin)" })
  @ApiResponse({ status: 200, type: ReviewDto })
  @ApiErrors(400, 401, 403, 404, 409)
  publish(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(SchedulingRpc.setReviewPublished, { id: p.id, published: true }, meta);
  }
}
