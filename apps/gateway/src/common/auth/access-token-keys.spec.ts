import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { verify as verifyJwt, sign as signJwt } from 'jsonwebtoken';
import type { JsonWebKeySet, PublicJwk } from '@telehealth/contracts';
import type { RpcClient } from '@telehealth/messaging';
import { AccessTokenKeys } from './access-token-keys';

function keyPair(kid: string) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string; y: string };
  const pub: PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' };
  const token = (sub: string) => signJwt({ sub }, privateKey, { algorithm: 'ES256', keyid: kid });
  return { pub, token };
}

/** identity's JWKS over NATS, as the test sets it; counts the calls. */
function identity(initial: JsonWebKeySet) {
  const state = { set: initial, calls: 0 };
  const rpc = { call: async () => (state.calls++, state.set) } as unknown as RpcClient;
  return { state, keys: new AccessTokenKeys(rpc) };
}

const verified = (token: string, pem: string | null) =>
  pem ? (verifyJwt(token, pem, { algorithms: ['ES256'] }) as { sub: string }).sub : null;

describe('AccessTokenKeys', () => {
  it('a rotation mid-session: tokens of the retired key keep verifying, the new key is picked up on its first token', async () => {
    const a = keyPair('a');
    const b = keyPair('b');
    const { state, keys } = identity({ keys: [a.pub] });
    const early = a.token('patient-1');
    expect(verified(early, await keys.pemFor('a'))).toBe('patient-1');

    // identity restarts with b as its key and a retired (JWT_RETIRED_KEYS).
    state.set = { keys: [b.pub, a.pub] };
    await new Promise((r) => setTimeout(r, 0));
    const late = b.token('patient-2');
    // An unknown kid refreshes at most every 10 s: the first b token after start-up waits for that window.
    jest.useFakeTimers({ now: Date.now() + 11_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      expect(verified(late, await keys.pemFor('b'))).toBe('patient-2');
      expect(verified(early, await keys.pemFor('a'))).toBe('patient-1');
    } finally {
      jest.useRealTimers();
    }
    expect(() =>
      verifyJwt(
        late,
        createPublicKey({ key: { ...a.pub }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string,
        { algorithms: ['ES256'] },
      ),
    ).toThrow();
  });

  it('a forged kid is refused without asking identity again and again', async () => {
    const { state, keys } = identity({ keys: [keyPair('a').pub] });
    expect(await keys.pemFor('a')).not.toBeNull();
    const calls = state.calls;
    for (let i = 0; i < 20; i++) expect(await keys.pemFor(`forged-${i}`)).toBeNull();
    expect(state.calls).toBe(calls);
    expect(await keys.pemFor(undefined)).toBeNull();
  });

  it('serves the key set as identity publishes it', async () => {
    const set = { keys: [keyPair('a').pub, keyPair('b').pub] };
    expect(await identity(set).keys.jwks()).toEqual(set);
  });
});
