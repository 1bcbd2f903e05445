import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, SortOrder } from 'mongoose';
import { toPage, type DoctorProfileView, type DoctorSearchQuery, type Page } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { findPage } from '@telehealth/persistence';
import { MAX_AMOUNT_MINOR, assertCalendarDate, assertIntIn, requiredText } from '../../validation/field-rules';
import { CLINIC_MODEL, type ClinicDoc } from '../directory/clinic.schema';
import { ClinicsService } from '../directory/clinics.service';
import { toDoctorProfileView } from '../directory/doctor-profile.mapper';
import { DOCTOR_PROFILE_MODEL, type DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { FreeSlotFinder } from './free-slot-finder';
import {
  SEARCH_SORTS,
  boundingBox,
  comparatorOf,
  haversineKm,
  lowestFee,
  roundKm,
  type LatLng,
  type Ranked,
  type SearchSort,
} from './search-ranking';

/**
 * Most doctors one ranked search considers (after the database filters, best rated first): distance,
 * free day, soonest slot and lowest fee are computed here, not by the database (the local engine has
 * no geo queries, and slots are not stored), so their cost is bounded. Beyond it, narrow the search (specialty, city, a smaller radius).
 */
export const MAX_SEARCH_CANDIDATES = 2_000;
export const DEFAULT_RADIUS_KM = 25;
export const MIN_RADIUS_KM = 0.1;
export const MAX_RADIUS_KM = 500;

const RATING_ORDER: Record<string, SortOrder> = { 'rating.average': -1, 'rating.count': -1, _id: 1 };
const WITHOUT_OUTBOX = { outbox: 0, outboxAt: 0 };

export type DoctorSearchHit = DoctorProfileView & { distanceKm?: number | null; nextFreeSlot?: string | null };

interface Candidate extends Ranked {
  doc: DoctorProfileDoc;
  nextFreeSlot?: string | null;
}

/**
 * Search of active doctors by specialty, city (of their clinics), online/offline, language, insurance,
 * fee range, distance from a point (`near`) and a free slot on a day (`freeOn`), sorted by distance,
 * rating, lowest fee or soonest free slot.
 *
 * A plain rating search pages in the database. Anything else ranks up to MAX_SEARCH_CANDIDATES
 * candidates here: for `near`, the active clinics in the radius are found first (a bounding box in the
 * query, then haversine) and only doctors practising there are read; `freeOn` and `soonest` expand the
 * candidates' availability in one batch (FreeSlotFinder).
 */
@Injectable()
export class DoctorSearchService {
  constructor(
    @InjectModel(DOCTOR_PROFILE_MODEL) private readonly profiles: Model<DoctorProfileDoc>,
    @InjectModel(CLINIC_MODEL) private readonly clinicDocs: Model<ClinicDoc>,
    private readonly clinics: ClinicsService,
    private readonly freeSlots: FreeSlotFinder,
  ) {}

  async search(q: DoctorSearchQuery, now = new Date()): Promise<Page<DoctorSearchHit>> {
    const near = q.near === undefined ? null : nearOf(q.near);
    if (q.freeOn !== undefined) assertCalendarDate(q.freeOn, 'freeOn');
    const sort = sortOf(q.sort, near !== null);
    const filter = await this.filterOf(q);

    if (near === null && q.freeOn === undefined && sort === 'rating') {
      const { items, total } = await findPage(this.profiles, filter, RATING_ORDER, q, WITHOUT_OUTBOX);
      return toPage(items.map(toDoctorProfileView), total, q);
    }

    let nearby: Map<string, number> | null = null;
    if (near !== null) {
      nearby = await this.clinicsWithin(near);
      // Without online=true only doctors practising at a clinic in the radius can match.
      if (q.online !== true) {
        if (!nearby.size) return toPage([], 0, q);
        const atNearby = { 'clinics.clinicId': { $in: [...nearby.keys()] } };
        if (filter['clinics.clinicId'] !== undefined) {
          filter.$and = [{ 'clinics.clinicId': filter['clinics.clinicId'] }, atNearby];
          delete filter['clinics.clinicId'];
        } else Object.assign(filter, atNearby);
      }
    }
    const docs = await this.profiles
      .find(filter, WITHOUT_OUTBOX)
      .sort(sort === 'fee' ? { 'baseFee.amountMinor': 1, ...RATING_ORDER } : RATING_ORDER)
      .limit(MAX_SEARCH_CANDIDATES)
      .lean<DoctorProfileDoc[]>();
    let candidates: Candidate[] = docs.map((doc) => ({
      doc,
      id: doc._id,
      ratingAverage: doc.rating.average,
      ratingCount: doc.rating.count,
      lowestFee: lowestFee(doc),
    }));
    if (nearby !== null) candidates = await this.withDistance(candidates, nearby);
    if (q.freeOn !== undefined) {
      const free = await this.freeSlots.freeOn(
        candidates.map((c) => c.doc),
        q.freeOn,
        now,
      );
      candidates = candidates.filter((c) => setNext(c, free.get(c.id) ?? null));
    } else if (sort === 'soonest') {
      const free = await this.freeSlots.nextFree(
        candidates.map((c) => c.doc),
        now,
      );
      for (const c of candidates) setNext(c, free.get(c.id) ?? null);
    }
    candidates.sort(comparatorOf(sort));
    const pageItems = candidates.slice((q.page - 1) * q.limit, q.page * q.limit);
    return toPage(pageItems.map(toHit), candidates.length, q);
  }

  private async filterOf(q: DoctorSearchQuery): Promise<FilterQuery<DoctorProfileDoc>> {
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
    return filter;
  }

  /** Active clinics within the radius, with their distance (km): one query on a bounding box, then haversine. */
  private async clinicsWithin(near: LatLng & { radiusKm: number }): Promise<Map<string, number>> {
    const box = boundingBox(near, near.radiusKm);
    const filter: FilterQuery<ClinicDoc> = { active: true, 'geo.lat': { $gte: box.minLat, $lte: box.maxLat } };
    if (box.minLng !== null && box.maxLng !== null) filter['geo.lng'] = { $gte: box.minLng, $lte: box.maxLng };
    const docs = await this.clinicDocs.find(filter, { geo: 1 }).lean<Pick<ClinicDoc, '_id' | 'geo'>[]>();
    const within = new Map<string, number>();
    for (const c of docs) {
      const km = haversineKm(near, c.geo);
      if (km <= near.radiusKm) within.set(c._id, km);
    }
    return within;
  }

  /**
   * Distance to the nearest active clinic in the radius. A doctor without one is dropped, unless they
   * have no active clinic at all (online only, reachable only when online=true was asked): kept, distance null.
   */
  private async withDistance(candidates: Candidate[], nearby: Map<string, number>): Promise<Candidate[]> {
    const far: Candidate[] = [];
    for (const c of candidates) {
      let best: number | null = null;
      for (const { clinicId } of c.doc.clinics) {
        const km = nearby.get(clinicId);
        if (km !== undefined && (best === null || km < best)) best = km;
      }
      c.distanceKm = best;
      if (best === null) far.push(c);
    }
    if (!far.length) return candidates;
    // Those with an active clinic (outside the radius) are not online-only: one query tells them apart.
    const active = await this.clinics.activeByIds(far.flatMap((c) => c.doc.clinics.map((x) => x.clinicId)));
    return candidates.filter((c) => c.distanceKm !== null || !c.doc.clinics.some((x) => active.has(x.clinicId)));
  }
}

function setNext(c: Candidate, slot: { start: Date } | null): boolean {
  c.nextFreeMs = slot ? slot.start.getTime() : null;
  c.nextFreeSlot = slot ? slot.start.toISOString() : null;
  return slot !== null;
}

function toHit(c: Candidate): DoctorSearchHit {
  return {
    ...toDoctorProfileView(c.doc),
    ...(c.distanceKm !== undefined && { distanceKm: c.distanceKm === null ? null : roundKm(c.distanceKm) }),
    ...(c.nextFreeSlot !== undefined && { nextFreeSlot: c.nextFreeSlot }),
  };
}

function nearOf(near: NonNullable<DoctorSearchQuery['near']>): LatLng & { radiusKm: number } {
  if (typeof near !== 'object' || near === null) throw DomainError.invalid('near', 'must be {lat, lng, radiusKm?}');
  const { lat, lng } = near;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    throw DomainError.invalid('lat', 'must be a latitude from -90 to 90');
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng) || Math.abs(lng) > 180) {
    throw DomainError.invalid('lng', 'must be a longitude from -180 to 180');
  }
  const radiusKm = near.radiusKm ?? DEFAULT_RADIUS_KM;
  if (
    typeof radiusKm !== 'number' ||
    !Number.isFinite(radiusKm) ||
    radiusKm < MIN_RADIUS_KM ||
    radiusKm > MAX_RADIUS_KM
  ) {
    throw DomainError.invalid('radiusKm', `must be a number from ${MIN_RADIUS_KM} to ${MAX_RADIUS_KM}`);
  }
  return { lat, lng, radiusKm };
}

/** Distance by default when a point is given, else rating; distance needs the point. */
function sortOf(sort: DoctorSearchQuery['sort'], hasNear: boolean): SearchSort {
  const s = sort ?? (hasNear ? 'distance' : 'rating');
  if (!SEARCH_SORTS.includes(s)) throw DomainError.invalid('sort', `must be one of ${SEARCH_SORTS.join(', ')}`);
  if (s === 'distance' && !hasNear) throw DomainError.invalid('sort', 'distance needs lat and lng');
  return s;
}

function feeRange(min: number | undefined, max: number | undefined): { $gte?: number; $lte?: number } | null {
  if (min !== undefined) assertIntIn(min, 0, MAX_AMOUNT_MINOR, 'minFee');
  if (max !== undefined) assertIntIn(max, 0, MAX_AMOUNT_MINOR, 'maxFee');
  if (min !== undefined && max !== undefined && max < min)
    throw DomainError.invalid('maxFee', 'must not be below minFee');
  if (min === undefined && max === undefined) return null;
  return { ...(min !== undefined && { $gte: min }), ...(max !== undefined && { $lte: max }) };
}
