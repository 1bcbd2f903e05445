import { Module, type DynamicModule } from '@nestjs/common';
import { VideoProviderName } from '@telehealth/contracts';
import { DailyProvider } from './daily.provider';
import { JitsiProvider } from './jitsi.provider';
import { LiveKitProvider } from './livekit.provider';
import { validateVideo, type VideoModuleConfig } from './video.config';
import { VIDEO_PROVIDER, type VideoProvider } from './video-provider';

/** The provider VIDEO_PROVIDER names, built from its settings (validated first). */
export function createVideoProvider(config: VideoModuleConfig): VideoProvider {
  validateVideo(config);
  switch (config.VIDEO_PROVIDER) {
    case VideoProviderName.LIVEKIT:
      return new LiveKitProvider(config);
    case VideoProviderName.JITSI:
      return new JitsiProvider(config);
    case VideoProviderName.DAILY:
      return new DailyProvider(config);
  }
}

/**
 * The configured video provider as {@link VIDEO_PROVIDER}. Global: import it once, in the root
 * module. A bad configuration fails here, at boot, naming each variable.
 */
@Module({})
export class VideoModule {
  static forRoot(config: VideoModuleConfig): DynamicModule {
    const provider = createVideoProvider(config);
    return {
      module: VideoModule,
      global: true,
      providers: [{ provide: VIDEO_PROVIDER, useValue: provider }],
      exports: [VIDEO_PROVIDER],
    };
  }
}
