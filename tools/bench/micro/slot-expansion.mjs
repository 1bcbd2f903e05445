#!/usr/bin/env node
// Micro-benchmark of the scheduling service's slot-expansion engine (pure CPU, no infrastructure):
// 1,000 doctors with realistic weekly rules in a mix of zones (clinic and online), opening hours and
// a few exceptions each, expanded over 90 days across the March daylight-saving changes. Reports
// slots/s against the aim, and as a same-run baseline the rate of a naive loop that only creates the
// same number of plain objects (no time-zone work, no strings, no Dates), so the ratio is visible.
//
//   node tools/build.mjs && node tools/bench/micro/slot-expansion.mjs
//   (also run by `npm run bench`, before the HTTP scenarios)
//
// Loads the COMPILED engine from dist/. Exit code 0 on PASS or MISS (a miss is reported, not a
// failure, like the HTTP aims); non-zero only when the engine cannot be loaded or misbehaves.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const COMPILED = path.join(ROOT, 'dist/apps/scheduling/src/modules/availability/slot-expansion.js');
const AIM_SLOTS_PER_SEC = 500_000;
const DOCTORS = 1_000;
const DAYS = 90;
const FROM = '2025-02-15'; // 90 days: 15 Feb .. 15 May 2025, across the US and EU spring-forward days
const RUNS = Number(process.env.BENCH_MICRO_RUNS ?? 5);

const say = (msg) => process.stdout.write(`[bench] ${msg}\n`);
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

if (!existsSync(COMPILED)) {
  say(`slot expansion: ${path.relative(ROOT, COMPILED)} not found: run \`node tools/build.mjs\` first`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { expandSlots } = require(COMPILED);

// ---------------------------------------------------------------- a deterministic population

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20250215);
const pick = (list) => list[Math.floor(random() * list.length)];

const ZONES = ['Africa/Lagos', 'Africa/Lagos', 'Africa/Lagos', 'Europe/London', 'America/New_York', 'Asia/Kolkata'];
const weekdayHours = (weekdays, open, close) => weekdays.map((weekday) => ({ weekday, open, close }));
const CLINICS = {};
for (let i = 0; i < 60; i++)
  CLINICS[`clinic-${String(i).padStart(3, '0')}`] = {
    timeZone: ZONES[i % ZONES.length],
    // Mon-Fri 08:00-18:00, Saturday 09:00-13:00, closed on Sunday.
    operatingHours: [...weekdayHours([1, 2, 3, 4, 5], '08:00', '18:00'), { weekday: 6, open: '09:00', close: '13:00' }],
  };
const CLINIC_IDS = Object.keys(CLINICS);

const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const TO = addDays(FROM, DAYS - 1);
const NOW = new Date(`${addDays(FROM, -1)}T12:00:00Z`);
const POLICY = { minNoticeMinutes: 120, horizonDays: 120, bufferMinutes: 0 };

function makeDoctor(n) {
  const doctorId = `doc-${String(n).padStart(5, '0')}`;
  const clinicId = pick(CLINIC_IDS);
  const rules = [];
  const rule = (over) =>
    rules.push({
      id: `${doctorId}-r${rules.length}`,
      doctorId,
      clinicId,
      weekday: 1,
      startTime: '09:00',
      endTime: '17:00',
      slotMinutes: 20,
      maxPatients: 1,
      fee: null,
      mode: 'IN_CLINIC',
      validFrom: null,
      validTo: null,
      active: true,
      ...over,
    });
  const split = random() < 0.3; // a lunch break for some doctors
  for (const weekday of [1, 2, 3, 4, 5]) {
    if (split) {
      rule({ weekday, endTime: '12:00' });
      rule({ weekday, startTime: '13:00' });
    } else rule({ weekday });
  }
  // Some see patients online on Saturday mornings too (the doctor's own zone), some at a second clinic.
  if (random() < 0.4)
    rule({ clinicId: null, weekday: 6, startTime: '10:00', endTime: '13:00', mode: 'ONLINE', fee: fee(0.8) });
  if (random() < 0.2) rule({ clinicId: pick(CLINIC_IDS), weekday: 6, startTime: '09:00', endTime: '12:00' });

  const exceptions = [];
  const exception = (over) =>
    exceptions.push({
      id: `${doctorId}-x${exceptions.length}`,
      doctorId,
      clinicId: null,
      date: addDays(FROM, Math.floor(random() * DAYS)),
      kind: 'BLOCKED',
      startTime: null,
      endTime: null,
      slotMinutes: null,
      maxPatients: null,
      mode: null,
      reason: null,
      ...over,
    });
  exception({}); // a day off
  if (random() < 0.5) exception({ startTime: '11:00', endTime: '14:00' }); // a long lunch
  if (random() < 0.3) exception({ kind: 'EXTRA', clinicId, startTime: '17:00', endTime: '18:00' }); // stays late

  return {
    doctorId,
    doctorTimeZone: pick(ZONES),
    defaultFee: fee(1),
    rules,
    exceptions,
    clinics: CLINICS,
    fromDate: FROM,
    toDate: TO,
    now: NOW,
    policy: POLICY,
  };
}
function fee(factor) {
  return { amountMinor: Math.round(1_500_000 * factor), currency: 'NGN' };
}

const doctors = Array.from({ length: DOCTORS }, (_, i) => makeDoctor(i));

// ---------------------------------------------------------------- the measured loops

/** Expands every doctor once; returns the number of slots (each doctor's array is dropped after). */
function expandAll() {
  let slots = 0;
  for (const doctor of doctors) slots += expandSlots(doctor).length;
  return slots;
}

/** The baseline: the same number of plain objects per doctor, built with no conversion at all. */
function plainObjects(perDoctor) {
  let made = 0;
  for (let d = 0; d < perDoctor.length; d++) {
    const doctorId = doctors[d].doctorId;
    const out = [];
    for (let i = 0; i < perDoctor[d]; i++)
      out.push({
        id: i,
        doctorId,
        clinicId: null,
        mode: 'IN_CLINIC',
        start: i,
        end: i + 1,
        timeZone: 'UTC',
        localDate: '',
        localStart: '',
        localEnd: '',
        fee: null,
        capacity: 1,
      });
    made += out.length;
  }
  return made;
}

function time(fn) {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Sanity before timing: slots are sorted, unique per doctor, and the population is the one described.
// This first pass also fills the engine's per-zone caches: its time is reported as the cold figure.
const cold = process.hrtime.bigint();
const perDoctor = doctors.map((d) => {
  const slots = expandSlots(d);
  const ids = new Set(slots.map((s) => s.id));
  if (ids.size !== slots.length) throw new Error(`${d.doctorId}: duplicate slot ids`);
  for (let i = 1; i < slots.length; i++)
    if (slots[i].start < slots[i - 1].start) throw new Error(`${d.doctorId}: slots out of order`);
  return slots.length;
});
const coldSeconds = Number(process.hrtime.bigint() - cold) / 1e9;
const total = perDoctor.reduce((a, b) => a + b, 0);
if (total === 0) throw new Error('no slots generated: the population is broken');

// Warm-up (JIT, zone caches), then RUNS timed runs of each, interleaved; medians are reported.
expandAll();
plainObjects(perDoctor);
const engine = [];
const baseline = [];
for (let r = 0; r < RUNS; r++) {
  const e = time(expandAll);
  if (e.value !== total) throw new Error(`run ${r}: ${e.value} slots, expected ${total}`);
  engine.push(e.seconds);
  baseline.push(time(() => plainObjects(perDoctor)).seconds);
}
const seconds = median(engine);
const rate = total / seconds;
const baseRate = total / median(baseline);
const zones = new Set([...Object.values(CLINICS).map((c) => c.timeZone), ...doctors.map((d) => d.doctorTimeZone)]);

say(
  `slot expansion (compiled engine, ${path.relative(ROOT, COMPILED)}): ${fmt(DOCTORS)} doctors x ${DAYS} days ` +
    `(${FROM}..${TO}, zones ${[...zones].join(', ')}), median of ${RUNS} runs`,
);
say(`  slots generated:   ${fmt(total)} per run (${fmt(total / DOCTORS, 1)} per doctor)`);
say(`  seconds:           ${fmt(seconds, 3)} s per run (runs: ${engine.map((s) => s.toFixed(3)).join(', ')})`);
say(`  slots/s:           ${fmt(rate)} (first pass, cold caches and JIT, with checks: ${fmt(total / coldSeconds)})`);
say(`  baseline:          ${fmt(baseRate)} plain objects/s (same count, no conversion, same run)`);
say(
  `  engine/baseline:   ${((rate / baseRate) * 100).toFixed(1)}% (the baseline is ${fmt(baseRate / rate, 1)}x faster)`,
);
say(`  aim: >= ${fmt(AIM_SLOTS_PER_SEC)} slots/s: ${fmt(rate)} ${rate >= AIM_SLOTS_PER_SEC ? 'PASS' : 'MISS'}`);
