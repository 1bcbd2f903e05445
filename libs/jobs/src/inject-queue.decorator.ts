import { Inject } from '@nestjs/common';
import { queueToken } from './jobs.module';
import type { QueueContract } from './queue';

/** Injects the {@link JobQueue} of a queue registered with `JobsModule.forFeature`. */
export const InjectQueue = (queue: QueueContract<unknown>): ParameterDecorator => Inject(queueToken(queue));
