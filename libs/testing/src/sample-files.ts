import { crc32, deflateSync } from 'node:zlib';

/** A 1x1 PNG, built chunk by chunk (signature, IHDR, IDAT, IEND). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HEADS: Record<string, () => Buffer> = {
  'application/pdf': () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1'),
  'image/png': png,
  'image/jpeg': () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  'image/webp': () => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
  'application/dicom': () => Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([2, 0, 0, 0])]),
  'model/gltf-binary': () => Buffer.concat([Buffer.from('glTF'), Buffer.from([2, 0, 0, 0, 12, 0, 0, 0])]),
  'text/plain': () => Buffer.from('just some words, no magic number here\n'),
};

/**
 * Bytes of `type` whose leading magic numbers make `file-type` recognise it, padded with
 * pseudo-random bytes to `size` (at least the header's own length).
 */
export function sampleFile(type: keyof typeof HEADS | string, size = 2048): Buffer {
  const make = HEADS[type];
  if (!make) throw new Error(`no sample for ${type}`);
  const head = make();
  const pad = Buffer.alloc(Math.max(0, size - head.length));
  for (let i = 0; i < pad.length; i++) pad[i] = (i * 131 + 7) & 0xff;
  return Buffer.concat([head, pad]);
}
