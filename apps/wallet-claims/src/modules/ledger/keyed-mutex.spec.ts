import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order, and keys independently', async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const task = (name: string) => async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      active--;
      return name;
    };
    const results = await Promise.all([m.run('a', task('a1')), m.run('a', task('a2')), m.run('b', task('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(maxActive).toBe(2); // a1 and b1 overlapped; a1 and a2 did not
    await tick();
    expect(m.size).toBe(0);
  });

  it('a failing task does not block the next one of its key', async () => {
    const m = new KeyedMutex();
    await expect(m.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(m.run('k', () => Promise.resolve(42))).resolves.toBe(42);
  });
});
