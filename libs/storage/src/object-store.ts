import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StorageSettings } from './storage.config';

export interface ObjectInfo {
  size: number;
  contentType: string | null;
  etag: string;
}

export interface PresignedUrl {
  url: string;
  expiresAt: Date;
}

/** What streaming an object gave: its first bytes (for sniffing), its size and SHA-256. */
export interface ObjectDigest {
  head: Buffer;
  size: number;
  sha256: string;
}

const notFound = (err: unknown): boolean =>
  err instanceof S3ServiceException &&
  (err.$metadata?.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey');

/**
 * The S3 API, as the services use it: presigned PUTs and GETs for clients (the bytes never pass
 * through a service), and head / read / copy / delete for the checks a service makes itself.
 * One client talks to S3_ENDPOINT; presigned URLs are signed for S3_PUBLIC_ENDPOINT (what clients
 * reach) when set. Checksums only where S3 requires them: a presigned PUT must not carry the
 * checksum of an empty body, and SeaweedFS does not return the newer ones.
 */
export class ObjectStore {
  readonly bucket: string;
  private readonly s3: S3Client;
  private readonly presigner: S3Client;

  constructor(private readonly config: StorageSettings) {
    this.bucket = config.S3_BUCKET;
    const client = (endpoint: string) =>
      new S3Client({
        ...(endpoint ? { endpoint } : {}),
        region: config.S3_REGION,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
      });
    this.s3 = client(config.S3_ENDPOINT);
    this.presigner = config.S3_PUBLIC_ENDPOINT ? client(config.S3_PUBLIC_ENDPOINT) : this.s3;
  }

  /**
   * Creates the bucket when missing (at start; a bucket that exists is left as it is). A store
   * that cannot be reached, or refuses the key, stops the start with what to check.
   */
  async ensureBucket(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (!notFound(err)) {
        const where = this.config.S3_ENDPOINT || `AWS S3 (${this.config.S3_REGION})`;
        throw new Error(
          `The object store at ${where} did not answer for bucket ${this.bucket} (${(err as Error).name}: ${(err as Error).message}). ` +
            'Locally: `npm run infra:up` starts it; otherwise check S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.',
          { cause: err },
        );
      }
    }
    try {
      await this.s3.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      // Another replica created it at the same moment.
      if (!(err instanceof S3ServiceException && /BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(err.name)))
        throw err;
    }
  }

  /**
   * A URL a client PUTs exactly `contentLength` bytes of `contentType` to: both headers are part
   * of the signature, so a different type or size is refused by the store itself.
   */
  async presignPut(key: string, contentType: string, contentLength: number, ttlSeconds: number): Promise<PresignedUrl> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: contentType,
      ContentLength: contentLength,
    });
    const url = await getSignedUrl(this.presigner, command, {
      expiresIn: ttlSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  /** A URL that downloads the object as `fileName` (Content-Disposition) of `contentType`. */
  async presignGet(key: string, fileName: string, contentType: string, ttlSeconds: number): Promise<PresignedUrl> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName),
      ResponseContentType: contentType,
    });
    const url = await getSignedUrl(this.presigner, command, { expiresIn: ttlSeconds });
    return { url, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  /** The object's size, type and ETag, or null when there is none. */
  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const res = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: res.ContentLength ?? 0, contentType: res.ContentType ?? null, etag: res.ETag ?? '' };
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  /** The first `bytes` bytes of the object (a ranged read), or null when there is none. */
  async readHead(key: string, bytes: number): Promise<Buffer | null> {
    try {
      const res = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${Math.max(0, bytes - 1)}` }),
      );
      return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (err) {
      if (notFound(err) || (err instanceof S3ServiceException && err.name === 'InvalidRange')) return null;
      throw err;
    }
  }

  /**
   * Streams the object once: its SHA-256, its size and its first `headBytes` bytes, all of the same
   * version of it (`ifMatch`: the ETag it must still have; null when it changed or is gone).
   */
  async digest(key: string, headBytes: number, ifMatch?: string): Promise<ObjectDigest | null> {
    let body: Readable;
    try {
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, IfMatch: ifMatch }));
      body = res.Body as Readable;
    } catch (err) {
      if (notFound(err) || (err instanceof S3ServiceException && err.$metadata?.httpStatusCode === 412)) return null;
      throw err;
    }
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      hash.update(buf);
      size += buf.length;
      if (headLength < headBytes) {
        const part = buf.subarray(0, headBytes - headLength);
        head.push(part);
        headLength += part.length;
      }
    }
    return { head: Buffer.concat(head), size, sha256: hash.digest('hex') };
  }

  /** Server-side copy, only of the version with ETag `ifMatch` (false when it changed or is gone). */
  async copy(from: string, to: string, ifMatch: string): Promise<boolean> {
    try {
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: to,
          CopySource: `${this.bucket}/${encodeURIComponent(from).replace(/%2F/g, '/')}`,
          CopySourceIfMatch: ifMatch,
        }),
      );
      return true;
    } catch (err) {
      if (notFound(err) || (err instanceof S3ServiceException && err.$metadata?.httpStatusCode === 412)) return false;
      throw err;
    }
  }

  /** Deletes the object (none there: nothing to do). */
  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Writes an object directly (tools and tests; clients upload through presigned URLs). */
  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  /** The whole object (tests and tools; services hand out presigned URLs instead). */
  async read(key: string): Promise<Buffer | null> {
    try {
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  destroy(): void {
    this.s3.destroy();
    if (this.presigner !== this.s3) this.presigner.destroy();
  }
}

/**
 * `attachment` with the name: an ASCII fallback (quotes, backslashes and control characters
 * replaced) and the exact name in RFC 5987 form for clients that read it.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
