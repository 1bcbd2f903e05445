import { jobsProblems } from './jobs.host';
import { defineQueue, type QueueRegistration } from './queue';

const a = defineQueue<{ id: string }>('test-a');
const b = defineQueue<{ id: string }>('test-b');
const found = (...where: string[]) => where.map((w) => ({ fn: () => undefined, where: w }));
const problems = (
  registrations: QueueRegistration[],
  handlers: Record<string, string[]> = {},
  sweeps: Record<string, string[]> = {},
) =>
  jobsProblems(
    registrations,
    new Map(Object.entries(handlers).map(([q, w]) => [q, found(...w)])),
    new Map(Object.entries(sweeps).map(([q, w]) => [q, found(...w)])),
  );

describe('jobsProblems (what keeps an app from starting)', () => {
  it('is empty when every queue has one handler and at most one sweep', () => {
    expect(
      problems([{ queue: a }, { queue: b }], { 'test-a': ['A.run'], 'test-b': ['B.run'] }, { 'test-a': ['A.sweep'] }),
    ).toEqual([]);
  });

  it('names a queue without a handler', () => {
    expect(problems([{ queue: a }, { queue: b }], { 'test-a': ['A.run'] })).toEqual([
      'queue test-b has no handler: give one provider method @OnJob(<its contract>)',
    ]);
  });

  it('names a queue with two handlers, and where they are', () => {
    expect(problems([{ queue: a }], { 'test-a': ['A.run', 'B.run'] })).toEqual([
      'queue test-a has 2 handlers (A.run, B.run): keep one',
    ]);
  });

  it('a queue registered without a worker must have no handler (and needs none)', () => {
    expect(problems([{ queue: a, worker: false }])).toEqual([]);
    expect(problems([{ queue: a, worker: false }], { 'test-a': ['A.run'] })).toEqual([
      'queue test-a is registered without a worker but has a handler: A.run',
    ]);
  });

  it('names two sweeps of one queue, and a handler or sweep of a queue nobody registered', () => {
    expect(
      problems(
        [{ queue: a }],
        { 'test-a': ['A.run'], 'test-b': ['B.run'] },
        { 'test-a': ['A.s1', 'A.s2'], 'test-c': ['C.s'] },
      ),
    ).toEqual([
      'queue test-a has 2 start-up sweeps (A.s1, A.s2): keep one',
      'queue test-b is not registered (JobsModule.forFeature) but @OnJob B.run uses it',
      'queue test-c is not registered (JobsModule.forFeature) but @JobSweep C.s uses it',
    ]);
  });
});
