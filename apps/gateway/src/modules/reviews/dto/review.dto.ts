import { ApiProperty } from '@nestjs/swagger';
import type { PublicReviewView, ReviewFacets, ReviewView } from '@telehealth/contracts';
import { IntField, NestedField, TextField } from '../../../common/http/fields';

const facet = 'From 1 (poor) to 5 (excellent)';

/** The optional aspects rated besides the overall rating. */
export class ReviewFacetsDto implements ReviewFacets {
  @IntField({ optional: true, min: 1, max: 5, description: facet }) punctuality?: number;
  @IntField({ optional: true, min: 1, max: 5, description: facet }) communication?: number;
  @IntField({ optional: true, min: 1, max: 5, description: facet }) facilities?: number;
  @IntField({ optional: true, min: 1, max: 5, description: facet }) staff?: number;
  @IntField({ optional: true, min: 1, max: 5, description: facet }) value?: number;
}

export class SubmitReviewDto {
  @IntField({ min: 1, max: 5, example: 5, description: 'Overall rating, 1 (poor) to 5 (excellent)' }) overall: number;
  @NestedField(() => ReviewFacetsDto, { optional: true }) facets?: ReviewFacetsDto;
  @TextField({ optional: true, max: 2000, example: 'On time, listened carefully and explained the plan.' })
  text?: string;
}

export class PublicReviewDto implements PublicReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 }) overall: number;
  @ApiProperty({ type: ReviewFacetsDto }) facets: ReviewFacetsDto;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReviewDto extends PublicReviewDto implements ReviewView {
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ description: "Listed publicly and counted in the doctor's rating" }) published: boolean;
}
