import { ConfigError, ServiceConfig, loadConfig, redactConfig } from '@telehealth/config';
import { VideoProviderName } from '@telehealth/contracts';
import { VIDEO_DEV_DEFAULTS, VideoConfig, WithVideoConfig, validateVideo } from './video.config';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const keysOf = (err: ConfigError) => err.problems.map((p) => p.split(/[=:]/)[0]).sort();

const LIVEKIT = {
  VIDEO_SANDBOX: 'false',
  LIVEKIT_URL: 'wss://video.example.com',
  LIVEKIT_API_KEY: 'APIabc123',
  LIVEKIT_API_SECRET: 'prod-livekit-secret-0123456789abcdefghij',
};
const JITSI = {
  VIDEO_PROVIDER: 'jitsi',
  VIDEO_SANDBOX: 'false',
  JITSI_DOMAIN: 'meet.example.com',
  JITSI_APP_ID: 'telehealth',
  JITSI_APP_SECRET: 'prod-jitsi-app-secret-0123456789abcdef',
  JITSI_WEBHOOK_SECRET: 'prod-jitsi-webhook-secret-0123456789ab',
};
const DAILY = {
  VIDEO_PROVIDER: 'daily',
  VIDEO_SANDBOX: 'false',
  DAILY_DOMAIN: 'telehealth.daily.co',
  DAILY_DOMAIN_ID: '30f866c3-9123-452a-8723-ff58322d09c5',
  DAILY_API_KEY: 'prod-daily-api-key-0123456789abcdefghij',
  DAILY_WEBHOOK_SECRET: Buffer.from('prod-daily-webhook-secret-32-byte').toString('base64'),
};

class Mixed extends WithVideoConfig(ServiceConfig) {
  override HEALTH_PORT = 3103;
}
const loadWithEnv = (env: Record<string, string>) => loadConfig(Mixed, env);

describe('VideoConfig', () => {
  it('works locally with no environment: LiveKit in the sandbox, 10-minute tokens', () => {
    const config = loadConfig(VideoConfig, {});
    expect(config).toMatchObject({
      VIDEO_PROVIDER: VideoProviderName.LIVEKIT,
      VIDEO_SANDBOX: true,
      VIDEO_TOKEN_TTL_SECONDS: 600,
      VIDEO_WEBHOOK_TOLERANCE_SECONDS: 300,
      ...VIDEO_DEV_DEFAULTS,
    });
    expect(() => validateVideo(config)).not.toThrow();
  });

  it.each([
    ['livekit', LIVEKIT],
    ['jitsi', JITSI],
    ['daily', DAILY],
  ])('loads %s for real when every setting is set', (name, env) => {
    const config = loadConfig(VideoConfig, env);
    expect(config).toMatchObject({ VIDEO_PROVIDER: name, VIDEO_SANDBOX: false });
    expect(() => validateVideo({ ...config, NODE_ENV: 'production' })).not.toThrow();
  });

  it.each([
    ['livekit', {}, ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET']],
    [
      'jitsi',
      { VIDEO_PROVIDER: 'jitsi' },
      ['JITSI_DOMAIN', 'JITSI_APP_ID', 'JITSI_APP_SECRET', 'JITSI_WEBHOOK_SECRET'],
    ],
    [
      'daily',
      { VIDEO_PROVIDER: 'daily' },
      ['DAILY_DOMAIN', 'DAILY_DOMAIN_ID', 'DAILY_API_KEY', 'DAILY_WEBHOOK_SECRET'],
    ],
  ])('refuses %s out of the sandbox without its settings, naming each variable', (name, env, missing) => {
    const err = configError(() => loadConfig(VideoConfig, { ...env, VIDEO_SANDBOX: 'false' }));
    expect(keysOf(err)).toEqual([...missing].sort());
    const rule = `must be set (not the development default) when VIDEO_PROVIDER=${name} and VIDEO_SANDBOX=false`;
    for (const problem of err.problems) expect(problem.endsWith(`: ${rule}`)).toBe(true);
  });

  it('names only the one setting left out, and only the chosen provider’s', () => {
    const err = configError(() => loadConfig(VideoConfig, { ...JITSI, JITSI_APP_SECRET: '' }));
    expect(err.problems).toEqual([
      'JITSI_APP_SECRET: must be set (not the development default) when VIDEO_PROVIDER=jitsi and VIDEO_SANDBOX=false',
    ]);
  });

  it('refuses malformed values without printing secrets', () => {
    const err = configError(() =>
      loadConfig(VideoConfig, {
        VIDEO_PROVIDER: 'zoom',
        VIDEO_TOKEN_TTL_SECONDS: '21600',
        LIVEKIT_URL: 'https://video.example.com',
        LIVEKIT_API_SECRET: 'short-secret-999',
        DAILY_DOMAIN: 'telehealth.example.com',
        DAILY_DOMAIN_ID: 'not-a-uuid',
        DAILY_WEBHOOK_SECRET: 'not base64!',
      }),
    );
    expect(keysOf(err)).toEqual(
      [
        'VIDEO_PROVIDER',
        'VIDEO_TOKEN_TTL_SECONDS',
        'LIVEKIT_URL',
        'LIVEKIT_API_SECRET',
        'DAILY_DOMAIN',
        'DAILY_DOMAIN_ID',
        'DAILY_WEBHOOK_SECRET',
      ].sort(),
    );
    expect(err.message).not.toContain('short-secret-999');
    expect(err.message).not.toContain('not base64!');
  });

  it('refuses the sandbox in production, and ws:// LiveKit in production', () => {
    const sandbox = configError(() => loadWithEnv({ NODE_ENV: 'production' }));
    expect(sandbox.problems).toEqual([
      'VIDEO_SANDBOX=true: must be false in production (the sandbox signs with development secrets)',
    ]);
    const ws = configError(() =>
      loadWithEnv({ ...LIVEKIT, LIVEKIT_URL: 'ws://video.example.com', NODE_ENV: 'production' }),
    );
    expect(ws.problems).toEqual(['LIVEKIT_URL="ws://video.example.com": must be a wss:// URL in production']);
    expect(() => loadWithEnv({ NODE_ENV: 'test' })).not.toThrow();
  });

  it('mixes into a service config: both sets of settings, validation and secret masking', () => {
    const config = loadWithEnv(DAILY);
    expect(config).toMatchObject({ HEALTH_PORT: 3103, DAILY_DOMAIN: 'telehealth.daily.co' });
    expect(redactConfig(config)).toMatchObject({
      MONGO_URI: '***',
      LIVEKIT_API_SECRET: '***',
      JITSI_APP_SECRET: '***',
      JITSI_WEBHOOK_SECRET: '***',
      DAILY_API_KEY: '***',
      DAILY_WEBHOOK_SECRET: '***',
      LIVEKIT_API_KEY: 'devkey',
    });
  });
});

describe('validateVideo', () => {
  const base = { ...loadConfig(VideoConfig, {}) };

  it('names the missing settings of a provider used for real in a config built by hand', () => {
    const err = configError(() =>
      validateVideo({
        ...base,
        ...loadConfig(VideoConfig, JITSI),
        JITSI_WEBHOOK_SECRET: '',
        JITSI_APP_ID: 'telehealth-dev',
      }),
    );
    expect(keysOf(err)).toEqual(['JITSI_APP_ID', 'JITSI_WEBHOOK_SECRET']);
  });

  it('refuses the sandbox in production, an unknown provider and an hours-long TTL, naming each', () => {
    const err = configError(() =>
      validateVideo({
        ...base,
        NODE_ENV: 'production',
        VIDEO_PROVIDER: 'zoom' as VideoProviderName,
        VIDEO_TOKEN_TTL_SECONDS: 21_600,
      }),
    );
    expect(keysOf(err)).toEqual(['VIDEO_PROVIDER', 'VIDEO_SANDBOX', 'VIDEO_TOKEN_TTL_SECONDS']);
    expect(() => validateVideo({ ...base, NODE_ENV: 'test' })).not.toThrow();
  });
});
