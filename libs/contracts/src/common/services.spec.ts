import { BACKEND_SERVICES, SERVICES, databaseOf } from './services';

describe('the table of services', () => {
  it('puts the gateway on the port base and every other app on its own probe port', () => {
    expect(SERVICES.find((s) => s.name === 'gateway')?.portOffset).toBe(0);
    const offsets = SERVICES.map((s) => s.portOffset);
    expect(new Set(offsets).size).toBe(SERVICES.length);
  });

  it('gives every backend service its own database, and the gateway none', () => {
    expect(SERVICES.find((s) => s.name === 'gateway')?.database).toBeNull();
    const databases = BACKEND_SERVICES.map((s) => databaseOf('telehealth', s));
    expect(new Set(databases).size).toBe(BACKEND_SERVICES.length);
    expect(databaseOf('telehealth', 'wallet-claims')).toBe('telehealth_wallet_claims');
  });
});
