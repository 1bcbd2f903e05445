import { Lanes } from './lanes';

const tick = () => new Promise((r) => setImmediate(r));

describe('Lanes', () => {
  it('runs different keys side by side, up to the limit', async () => {
    const lanes = new Lanes(2);
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const task = () =>
      new Promise<void>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        release.push(() => {
          running--;
          resolve();
        });
      });
    await lanes.submit('a', task);
    await lanes.submit('b', task);
    const third = lanes.submit('c', task); // waits for a free slot
    await tick();
    expect(running).toBe(2);
    release.shift()!();
    await third;
    await tick();
    expect(running).toBe(2);
    while (release.length) release.shift()!();
    await lanes.drain();
    expect(peak).toBe(2);
    expect(running).toBe(0);
  });

  it('runs one key one task at a time, in submission order, even when an earlier task fails', async () => {
    const lanes = new Lanes(8);
    const order: string[] = [];
    let inKey = 0;
    let peak = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        peak = Math.max(peak, ++inKey);
        await tick();
        order.push(name);
        inKey--;
        if (fail) throw new Error(name);
      };
    await lanes.submit('k', task('1', true));
    await lanes.submit('k', task('2'));
    await lanes.submit('k', task('3'));
    await lanes.drain();
    expect(order).toEqual(['1', '2', '3']);
    expect(peak).toBe(1);
  });
});
