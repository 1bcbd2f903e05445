import { ALL_EVENTS } from '../catalog';
import { IdentityEvents } from '../identity/identity.events';
import { NotificationsEvents } from '../notifications/notifications.events';
import { PaymentEvents } from '../payments/payment.events';
import { SchedulingEvents } from '../scheduling/scheduling.events';
import { ClinicalEvents } from '../teleconsultation/clinical.events';
import { TeleconsultationEvents } from '../teleconsultation/teleconsultation.events';
import { WalletEvents } from '../wallet/wallet.events';
import { defineEvent, defineRpc, streamOf, streamSubjectsOf } from './contract';
import { SERVICE_NAMES } from './services';

/** NATS subject matching: `*` is one token, `>` one or more trailing tokens. */
function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (f[i] !== '*' && f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}

describe('subjectMatches (test helper)', () => {
  it('follows NATS wildcard rules', () => {
    expect(subjectMatches('evt.identity.>', 'evt.identity.user.registered.v1')).toBe(true);
    expect(subjectMatches('evt.identity.>', 'evt.identity')).toBe(false);
    expect(subjectMatches('evt.identity.>', 'evt.scheduling.x.v1')).toBe(false);
    expect(subjectMatches('evt.*.x', 'evt.a.x')).toBe(true);
    expect(subjectMatches('evt.a', 'evt.a.b')).toBe(false);
  });
});

describe('defineEvent', () => {
  it('derives type, subject and stream from producer, name and version', () => {
    const e = defineEvent<{ a: number }>('wallet-claims', 'claim.submitted', 2, 'desc');
    expect(e).toEqual({
      type: 'wallet-claims.claim.submitted.v2',
      subject: 'evt.wallet-claims.claim.submitted.v2',
      stream: 'EVT_WALLET_CLAIMS',
      producer: 'wallet-claims',
      description: 'desc',
    });
    expect(e.subject).toBe(`evt.${e.type}`);
    expect(subjectMatches(streamSubjectsOf('wallet-claims'), e.subject)).toBe(true);
  });
});

describe('defineRpc', () => {
  it('builds rpc.<service>.<name>.v<N>', () => {
    expect(defineRpc('identity', 'users.get', 3, 'Get a user')).toEqual({
      pattern: 'rpc.identity.users.get.v3',
      service: 'identity',
      description: 'Get a user',
    });
  });
});

describe('streamOf / streamSubjectsOf', () => {
  it('maps wallet-claims to EVT_WALLET_CLAIMS', () => {
    expect(streamOf('wallet-claims')).toBe('EVT_WALLET_CLAIMS');
    expect(streamOf('identity')).toBe('EVT_IDENTITY');
  });

  it.each(SERVICE_NAMES)('gives %s a valid, distinct stream name and subject filter', (service) => {
    // JetStream stream names may not contain '.', '*', '>' or whitespace.
    expect(streamOf(service)).toMatch(/^EVT_[A-Z0-9_]+$/);
    expect(streamSubjectsOf(service)).toBe(`evt.${service}.>`);
  });

  it('never gives two services the same stream', () => {
    expect(new Set(SERVICE_NAMES.map(streamOf)).size).toBe(SERVICE_NAMES.length);
  });
});

describe('ALL_EVENTS', () => {
  it('contains every event of every producer, once', () => {
    const groups = [
      IdentityEvents,
      SchedulingEvents,
      WalletEvents,
      PaymentEvents,
      TeleconsultationEvents,
      ClinicalEvents,
      NotificationsEvents,
    ];
    const all = groups.flatMap((g) => Object.values(g));
    expect(ALL_EVENTS).toHaveLength(all.length);
    for (const e of all) expect(ALL_EVENTS).toContain(e);
  });

  it('has unique types and subjects', () => {
    const types = ALL_EVENTS.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(ALL_EVENTS.map((e) => e.subject)).size).toBe(types.length);
  });

  it.each(ALL_EVENTS.map((e) => [e.type, e] as const))(
    '%s is well formed and inside its producer stream',
    (_type, e) => {
      expect(e.type).toMatch(/^[a-z-]+(\.[a-z-]+)+\.v\d+$/);
      expect(e.type.startsWith(`${e.producer}.`)).toBe(true);
      expect(e.subject).toBe(`evt.${e.type}`);
      expect(e.stream).toBe(streamOf(e.producer));
      expect(subjectMatches(streamSubjectsOf(e.producer), e.subject)).toBe(true);
      expect(e.description.length).toBeGreaterThan(0);
    },
  );

  it('no event subject falls inside another producer stream', () => {
    for (const e of ALL_EVENTS) {
      const owners = SERVICE_NAMES.filter((s) => subjectMatches(streamSubjectsOf(s), e.subject));
      expect({ type: e.type, owners }).toEqual({ type: e.type, owners: [e.producer] });
    }
  });
});
