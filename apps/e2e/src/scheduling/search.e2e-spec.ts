import { Api } from '@telehealth/testing';
import { DEMO, lagosDate, weekdayOf } from './directory-support';

interface Hit {
  id: string;
  clinics: { clinicId: string }[];
  distanceKm?: number | null;
  nextFreeSlot?: string | null;
}

const search = async (query: string) => {
  const res = await new Api().get(`/v1/doctors?${query}`);
  expect({ query, status: res.status }).toEqual({ query, status: 200 });
  return res.body.items as Hit[];
};
const ids = (hits: Hit[]) => hits.map((h) => h.id);
const demoIds = (hits: Hit[]) => ids(hits).filter((id) => id === DEMO.doctor1.id || id === DEMO.doctor2.id);

/** The first local date at least `from` days ahead in Lagos falling on `weekday` (0 = Sunday). */
const nextWeekday = (weekday: number, from: number): string => {
  for (let d = from; ; d++) if (weekdayOf(lagosDate(d)) === weekday) return lagosDate(d);
};
const lagosDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Lagos' }).format(new Date(iso));

// Demo data: Dr Adeyemi (doctor1) practises at the Victoria Island clinic (6.4281, 3.4219), Dr Nwosu
// (doctor2) at the Ikeja one (6.6018, 3.3515), ~20.8 km apart; both work Mon-Sat.
const NEXT_TO_VI = 'lat=6.4290&lng=3.4230';
const NEXT_TO_IKEJA = 'lat=6.6010&lng=3.3500';
const NAIROBI = 'lat=-1.2921&lng=36.8219';

describe('Doctor search - GET /v1/doctors with near, freeOn and sorts', () => {
  it('near + radiusKm: only doctors with an active clinic in the radius, with their distance', async () => {
    const hits = await search(`${NEXT_TO_VI}&radiusKm=5&limit=100`);
    expect(demoIds(hits)).toEqual([DEMO.doctor1.id]);
    for (const h of hits) {
      expect(h.distanceKm).toEqual(expect.any(Number));
      expect(h.distanceKm).toBeLessThanOrEqual(5);
    }
    const adeyemi = hits.find((h) => h.id === DEMO.doctor1.id)!;
    expect(adeyemi.distanceKm).toBeLessThan(0.5);
    expect(adeyemi.distanceKm! * 10).toBe(Math.round(adeyemi.distanceKm! * 10)); // to 0.1 km
    expect(adeyemi).not.toHaveProperty('nextFreeSlot');

    expect(await search(`${NAIROBI}&radiusKm=50`)).toEqual([]);
    // online=true adds online-only doctors (distance null), never those whose clinics are far away.
    const online = await search(`${NAIROBI}&radiusKm=50&online=true&limit=100`);
    expect(demoIds(online)).toEqual([]);
    for (const h of online) expect(h.distanceKm).toBeNull();
  });

  it('sort=distance (the default with a point): nearest first', async () => {
    for (const query of [
      `${NEXT_TO_IKEJA}&radiusKm=30&sort=distance&limit=100`,
      `${NEXT_TO_IKEJA}&radiusKm=30&limit=100`,
    ]) {
      const hits = await search(query);
      expect(demoIds(hits)).toEqual([DEMO.doctor2.id, DEMO.doctor1.id]);
      const km = hits.map((h) => h.distanceKm as number);
      expect(km).toEqual([...km].sort((a, b) => a - b));
      expect(hits.find((h) => h.id === DEMO.doctor1.id)!.distanceKm).toBeCloseTo(20.8, 0);
    }
  });

  it('freeOn: nobody on a Sunday, both demo doctors on a weekday, with a free slot that day', async () => {
    const sunday = nextWeekday(0, 35); // far enough ahead that no other suite adds Sunday hours
    expect(demoIds(await search(`freeOn=${sunday}&limit=100`))).toEqual([]);

    const wednesday = nextWeekday(3, 2);
    const hits = await search(`freeOn=${wednesday}&city=Lagos&limit=100`);
    expect(demoIds(hits).sort()).toEqual([DEMO.doctor1.id, DEMO.doctor2.id].sort());
    for (const h of hits) expect(lagosDay(h.nextFreeSlot!)).toBe(wednesday);
  });

  it('sort=soonest (alone and with near): next free slot ascending, none last', async () => {
    for (const query of ['sort=soonest&limit=100', `${NEXT_TO_VI}&radiusKm=50&sort=soonest&limit=100`]) {
      const hits = await search(query);
      expect(demoIds(hits).sort()).toEqual([DEMO.doctor1.id, DEMO.doctor2.id].sort());
      const starts = hits.map((h) => h.nextFreeSlot);
      expect(starts.every((s) => s === null || typeof s === 'string')).toBe(true);
      const free = starts.filter((s): s is string => s !== null);
      expect(free).toEqual([...free].sort());
      expect(starts.slice(free.length).every((s) => s === null)).toBe(true);
      for (const id of [DEMO.doctor1.id, DEMO.doctor2.id]) {
        const next = Date.parse(hits.find((h) => h.id === id)!.nextFreeSlot!);
        expect(next).toBeGreaterThan(Date.now());
        expect(next).toBeLessThan(Date.now() + 14 * 86_400_000);
      }
    }
  });

  it('sort=fee: lowest fee first', async () => {
    const hits = await search('city=Lagos&sort=fee&limit=100');
    expect(demoIds(hits)).toEqual([DEMO.doctor1.id, DEMO.doctor2.id]);
  });

  it('bad input: 400 naming the field', async () => {
    for (const [query, field] of [
      ['lat=91&lng=3.4', 'lat'],
      ['lat=abc&lng=3.4', 'lat'],
      ['lat=6.4&lng=-181', 'lng'],
      ['lng=3.4', 'lat'],
      ['lat=6.4', 'lng'],
      ['radiusKm=5', 'lat'],
      ['lat=6.4&lng=3.4&radiusKm=0', 'radiusKm'],
      ['lat=6.4&lng=3.4&radiusKm=501', 'radiusKm'],
      ['sort=distance', 'sort'],
      ['sort=nearest', 'sort'],
      ['freeOn=tomorrow', 'freeOn'],
      ['freeOn=2026-02-30', 'freeOn'],
    ]) {
      const res = await new Api().get(`/v1/doctors?${query}`);
      expect({ query, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ query, status: 400, field });
    }
  });
});
