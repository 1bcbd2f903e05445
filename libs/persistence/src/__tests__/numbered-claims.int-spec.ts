import { Schema, type Model } from 'mongoose';
import { claimNumbered, numberedClaimId, releaseNumbered } from '../numbered-claims';
import { concurrently, testDb } from './test-db';

interface Seat {
  _id: string;
  slotId: string;
  seat: number;
  appointmentId: string;
}

describe('claimNumbered (real database, racing)', () => {
  let db: Awaited<ReturnType<typeof testDb>>;
  let seats: Model<Seat>;

  beforeAll(async () => {
    db = await testDb('numbered');
    seats = db.conn.model<Seat>(
      'Seat',
      new Schema<Seat>({ _id: String, slotId: String, seat: Number, appointmentId: String }, { versionKey: false }),
    );
  });
  afterAll(() => db.drop());

  const take = (slotId: string, capacity: number, appointmentId: string) =>
    claimNumbered(seats, slotId, capacity, (_id, seat) => ({ slotId, seat, appointmentId }));

  it('of 60 concurrent claims under capacity 3, exactly 3 win, each a different place; a release frees exactly that place', async () => {
    const ids = await concurrently(60, (i) => take('slot-1', 3, `appt-${i}`));
    const won = ids.filter((id): id is string => id !== null);
    expect(won.sort()).toEqual([0, 1, 2].map((n) => numberedClaimId('slot-1', n)));
    const stored = await seats.find({ slotId: 'slot-1' }).sort({ seat: 1 }).lean();
    expect(stored.map((s) => [s._id, s.appointmentId])).toEqual(won.map((id) => [id, `appt-${ids.indexOf(id)}`]));

    // Only the holder frees a place: a stale release by someone else does nothing.
    const holder = stored[1];
    expect(await releaseNumbered(seats, holder._id, { appointmentId: 'someone-else' })).toBe(false);
    expect(await releaseNumbered(seats, holder._id, { appointmentId: holder.appointmentId })).toBe(true);
    expect(await releaseNumbered(seats, holder._id, { appointmentId: holder.appointmentId })).toBe(false);

    // The freed place goes to exactly one of 20 new racers.
    const again = await concurrently(20, (i) => take('slot-1', 3, `late-${i}`));
    expect(again.filter((id) => id !== null)).toEqual([holder._id]);
    expect(await seats.countDocuments({ slotId: 'slot-1' })).toBe(3);
  });

  it('with heldBy, a holder retrying after a crash gets the place it already has, not a second one', async () => {
    const resume = (appointmentId: string) =>
      claimNumbered(seats, 'slot-2', 2, (_id, seat) => ({ slotId: 'slot-2', seat, appointmentId }), {
        heldBy: { appointmentId },
      });
    const first = await resume('crashed');
    expect(await resume('crashed')).toBe(first);
    expect(await take('slot-2', 2, 'crashed')).not.toBe(first); // without heldBy: a second place
    expect(await resume('other')).toBeNull(); // both places taken
    expect(await seats.countDocuments({ slotId: 'slot-2', appointmentId: 'crashed' })).toBe(2);
  });
});
