import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, SortOrder } from 'mongoose';
import { toPage, type DoctorProfileView, type DoctorSearchQuery, type Page } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { MAX_AMOUNT_MINOR, assertIntIn, requiredText } from '../../validation/field-rules';
import { ClinicsService } from './clinics.service';
import { DOCTOR_PROFILE_MODEL, type DoctorProfileDoc } from './doctor-profile.schema';
import { toDoctorProfileView } from './doctor-profile.mapper';

const SORTS: Record<'rating' | 'fee', Record<string, SortOrder>> = {
  rating: { 'rating.average': -1, 'rating.count': -1, _id: 1 },
  fee: { 'baseFee.amountMinor': 1, _id: 1 },
};

/**
 * Search of active doctors by specialty, city (of their clinics), online/offline, language,
 * insurance and fee range, sorted by rating or fee. Distance (`near`), free-on-a-day (`freeOn`)
 * and soonest-slot sorting are not offered yet and are refused by name.
 */
@Injectable()
export class DoctorSearchService {
  constructor(
    @InjectModel(DOCTOR_PROFILE_MODEL) private readonly profiles: Model<DoctorProfileDoc>,
    private readonly clinics: ClinicsService,
  ) {}

  async search(q: DoctorSearchQuery): Promise<Page<DoctorProfileView>> {
    if (q.near !== undefined) throw DomainError.invalid('near', 'distance search is not supported yet');
    if (q.freeOn !== undefined) throw DomainError.invalid('freeOn', 'search by free day is not supported yet');
    const sort = q.sort ?? 'rating';
    if (sort !== 'rating' && sort !== 'fee') throw DomainError.invalid('sort', 'must be rating or fee');
    const filter: FilterQuery<DoctorProfileDoc> = { active: true };
    if (q.specialty !== undefined) filter.specialtyCode = requiredText(q.specialty, 40, 'specialty').toUpperCase();
    if (q.city !== undefined) {
      filter['clinics.clinicId'] = { $in: await this.clinics.idsInCity(requiredText(q.city, 100, 'city')) };
    }
    if (q.online === true) filter.availableOnline = true;
    if (q.offline === true) filter.availableOffline = true;
    if (q.language !== undefined) filter.languageKeys = requiredText(q.language, 50, 'language').toLowerCase();
    if (q.insurance !== undefined) filter.insuranceKeys = requiredText(q.insurance, 100, 'insurance').toLowerCase();
    const fee = feeRange(q.minFee, q.maxFee);
    if (fee) filter['baseFee.amountMinor'] = fee;
    const [docs, total] = await Promise.all([
      this.profiles
        .find(filter)
        .sort(SORTS[sort])
        .skip((q.page - 1) * q.limit)
        .limit(q.limit)
        .lean<DoctorProfileDoc[]>(),
      this.profiles.countDocuments(filter),
    ]);
    return toPage(docs.map(toDoctorProfileView), total, q);
  }
}

function feeRange(min: number | undefined, max: number | undefined): { $gte?: number; $lte?: number } | null {
  if (min !== undefined) assertIntIn(min, 0, MAX_AMOUNT_MINOR, 'minFee');
  if (max !== undefined) assertIntIn(max, 0, MAX_AMOUNT_MINOR, 'maxFee');
  if (min !== undefined && max !== undefined && max < min)
    throw DomainError.invalid('maxFee', 'must not be below minFee');
  if (min === undefined && max === undefined) return null;
  return { ...(min !== undefined && { $gte: min }), ...(max !== undefined && { $lte: max }) };
}
