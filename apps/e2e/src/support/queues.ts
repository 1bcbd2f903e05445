import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { REDIS_URL } from '@telehealth/testing';

/** Takes a job out of a service's BullMQ queue, as if adding it had failed. Returns how many went. */
export async function loseJob(queueName: string, jobId: string): Promise<number> {
  const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection });
  try {
    return await queue.remove(jobId);
  } finally {
    await queue.close();
    await connection.quit();
  }
}

/** Runs a delayed job of a service's BullMQ queue now, as if its time had come. False: no such job. */
export async function promoteJob(queueName: string, jobId: string): Promise<boolean> {
  const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection });
  try {
    const job = await queue.getJob(jobId);
    if (!job) return false;
    await job.promote();
    return true;
  } finally {
    await queue.close();
    await connection.quit();
  }
}
