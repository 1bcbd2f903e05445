/**
 * Pure helpers of the doctor search: great-circle distance, the bounding box that pre-selects
 * clinics, a doctor's lowest fee and the comparators of every sort. No I/O; unit tested.
 */

/** Mean Earth radius (km), the usual sphere for haversine. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Kilometres per degree of latitude (and of longitude at the equator) on that sphere. */
const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in km between two points (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rounded to 0.1 km for display. */
export const roundKm = (km: number): number => Math.round(km * 10) / 10;

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  /** Null when the box spans every longitude (near a pole) or crosses the antimeridian. */
  minLng: number | null;
  maxLng: number | null;
}

/**
 * A latitude/longitude box that contains every point within `radiusKm` of `center` (with a 1% margin):
 * a cheap pre-filter, the exact test being haversineKm afterwards.
 */
export function boundingBox(center: LatLng, radiusKm: number): BoundingBox {
  const dLat = (radiusKm / KM_PER_DEGREE) * 1.01;
  const minLat = center.lat - dLat;
  const maxLat = center.lat + dLat;
  if (minLat <= -90 || maxLat >= 90)
    return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), minLng: null, maxLng: null };
  // The widest longitude span of the box is at its latitude furthest from the equator.
  const cos = Math.cos(Math.max(Math.abs(minLat), Math.abs(maxLat)) * RAD);
  const dLng = (radiusKm / (KM_PER_DEGREE * cos)) * 1.01;
  const minLng = center.lng - dLng;
  const maxLng = center.lng + dLng;
  if (dLng >= 180 || minLng < -180 || maxLng > 180) return { minLat, maxLat, minLng: null, maxLng: null };
  return { minLat, maxLat, minLng, maxLng };
}

/** The doctor's lowest fee in minor units: the base fee or any clinic fee. */
export function lowestFee(d: {
  baseFee: { amountMinor: number };
  clinics: { fee: { amountMinor: number } }[];
}): number {
  let min = d.baseFee.amountMinor;
  for (const c of d.clinics) if (c.fee.amountMinor < min) min = c.fee.amountMinor;
  return min;
}

export type SearchSort = 'distance' | 'rating' | 'fee' | 'soonest';
export const SEARCH_SORTS: readonly SearchSort[] = ['distance', 'rating', 'fee', 'soonest'];

/** What a candidate is ranked by. */
export interface Ranked {
  id: string;
  ratingAverage: number;
  ratingCount: number;
  lowestFee: number;
  /** Km to the nearest active clinic; null: online only; undefined: not asked. */
  distanceKm?: number | null;
  /** Epoch ms of the next free slot; null: none in the window; undefined: not computed. */
  nextFreeMs?: number | null;
}

/** Ascending, with null and undefined last. */
const nullsLast = (a: number | null | undefined, b: number | null | undefined): number => {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return a - b;
};

const byRating = (a: Ranked, b: Ranked): number => b.ratingAverage - a.ratingAverage || b.ratingCount - a.ratingCount;
const byId = (a: Ranked, b: Ranked): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The comparator of a sort; every one ends in the doctor id, so pages never overlap:
 * - distance: nearest first, online-only doctors (no distance) last, then by rating;
 * - rating: best average first, then most ratings;
 * - fee: lowest fee (base or any clinic) first, then by rating;
 * - soonest: earliest next free slot first, doctors without one last, then nearest, then by rating.
 */
export function comparatorOf(sort: SearchSort): (a: Ranked, b: Ranked) => number {
  switch (sort) {
    case 'distance':
      return (a, b) => nullsLast(a.distanceKm, b.distanceKm) || byRating(a, b) || byId(a, b);
    case 'rating':
      return (a, b) => byRating(a, b) || byId(a, b);
    case 'fee':
      return (a, b) => a.lowestFee - b.lowestFee || byRating(a, b) || byId(a, b);
    case 'soonest':
      return (a, b) =>
        nullsLast(a.nextFreeMs, b.nextFreeMs) || nullsLast(a.distanceKm, b.distanceKm) || byRating(a, b) || byId(a, b);
  }
}
