import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimOnce } from '@telehealth/persistence';
import { SANDBOX_MESSAGE_MODEL, type SandboxMessageDoc } from './delivery.schema';

/** What the sandbox SMS and push providers "sent": one record per delivery. */
@Injectable()
export class SandboxMessagesRepository {
  constructor(@InjectModel(SANDBOX_MESSAGE_MODEL) private readonly messages: Model<SandboxMessageDoc>) {}

  /** Records a message once (its id is the delivery id): a retry after a crash records nothing more. */
  async insertOnce(message: SandboxMessageDoc): Promise<void> {
    await claimOnce(this.messages, message);
  }
}
