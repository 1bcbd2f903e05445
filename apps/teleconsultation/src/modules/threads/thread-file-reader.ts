import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClinicalReader, ThreadSide, type Caller } from '@telehealth/contracts';
import type { Model } from 'mongoose';
import type { FileLinkReader } from '../files/file-access.policy';
import { sideOf } from './thread-access';
import { MESSAGE_THREAD_MODEL, type MessageThreadDoc } from './thread.schema';

/** The link kind a message attachment is recorded under: the thread it was posted in. */
export const THREAD_LINK = 'thread';

/**
 * Files attached to a thread's messages are read by the thread's two sides, like its messages
 * (FilesModule's FILE_LINK_READERS). It reads the thread model only, so files need no threads module.
 */
@Injectable()
export class ThreadFileReader implements FileLinkReader {
  readonly kind = THREAD_LINK;

  constructor(@InjectModel(MESSAGE_THREAD_MODEL) private readonly threads: Model<MessageThreadDoc>) {}

  async mayRead(threadId: string, caller: Caller): Promise<ClinicalReader | null> {
    const t = await this.threads.findById(threadId).lean<MessageThreadDoc>().exec();
    const side = t ? sideOf(caller, t) : null;
    if (!side) return null;
    return side === ThreadSide.PATIENT ? ClinicalReader.PATIENT : ClinicalReader.DOCTOR;
  }
}
