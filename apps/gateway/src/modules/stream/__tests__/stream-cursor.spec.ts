import { STREAMED_STREAMS, decodeCursor, encodeCursor } from '../stream-cursor';

describe('stream message ids', () => {
  it('round-trips the issue time and every stream position', () => {
    const positions = Object.fromEntries(STREAMED_STREAMS.map((s, i) => [s, 100 * (i + 1)]));
    const id = encodeCursor({ issuedAt: 1764684000000, positions });
    expect(id).toBe('1764684000000-100-200-300-400');
    expect(decodeCursor(id)).toEqual({ issuedAt: 1764684000000, positions });
  });

  it.each(['', 'abc', '1-2-3', '1-2-3-4-5-6', '1--3-4', '1-2-3-x', '-1-2-3-4', '99999999999999999-1-1-1'])(
    'reads %p as no id of ours',
    (id) => expect(decodeCursor(id)).toBeNull(),
  );

  it('reads an id issued before notifications were streamed with no position for them (resuming it gives resync)', () => {
    expect(decodeCursor('1764684000000-100-200-300')).toEqual({
      issuedAt: 1764684000000,
      positions: { EVT_SCHEDULING: 100, EVT_WALLET_CLAIMS: 200, EVT_TELECONSULTATION: 300 },
    });
  });
});
