import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@telehealth/config';
import { VideoProviderName } from '@telehealth/contracts';
import { DailyProvider } from './daily.provider';
import { JitsiProvider } from './jitsi.provider';
import { LiveKitProvider } from './livekit.provider';
import { VideoConfig } from './video.config';
import { VideoModule } from './video.module';
import { VIDEO_PROVIDER, type VideoProvider } from './video-provider';

/** A feature module that does not import VideoModule: the provider reaches it because the module is global. */
@Injectable()
class UsesVideo {
  constructor(@Inject(VIDEO_PROVIDER) readonly video: VideoProvider) {}
}
@Module({ providers: [UsesVideo] })
class Feature {}
@Module({})
class Root {
  static register(video: DynamicModule): DynamicModule {
    return { module: Root, imports: [video, Feature] };
  }
}

describe('VideoModule.forRoot', () => {
  it.each([
    [VideoProviderName.LIVEKIT, LiveKitProvider],
    [VideoProviderName.JITSI, JitsiProvider],
    [VideoProviderName.DAILY, DailyProvider],
  ])('provides the configured provider (%s) as VIDEO_PROVIDER, globally', async (name, type) => {
    const config = loadConfig(VideoConfig, { VIDEO_PROVIDER: name });
    const app = await NestFactory.createApplicationContext(Root.register(VideoModule.forRoot(config)), {
      logger: false,
    });
    const { video } = app.get(UsesVideo);
    expect(video).toBeInstanceOf(type);
    expect(video.name).toBe(name);
    await app.close();
  });

  it('refuses a bad configuration before anything starts, naming the variables', () => {
    const config = { ...loadConfig(VideoConfig, {}), VIDEO_SANDBOX: false, NODE_ENV: 'production' };
    expect(() => VideoModule.forRoot(config)).toThrow(ConfigError);
    expect(() => VideoModule.forRoot(config)).toThrow(/LIVEKIT_API_SECRET: must be set/);
  });
});
