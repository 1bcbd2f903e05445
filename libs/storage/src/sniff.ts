// file-type is an ES module only (v17+). Node 20.19+ loads it with require() (what tsc emits for
// this import), and Jest compiles it and its ES-module dependencies to CommonJS (jest.config.js),
// as it does jose: one static import that works in dist/ and under Jest. The `core` entry sniffs
// bytes in memory and pulls in no Node streams.
import { fileTypeFromBuffer } from 'file-type/core';

/** How many leading bytes are read to sniff a type (zip-based formats such as 3MF need more than 4 KB). */
export const SNIFF_BYTES = 64 * 1024;

export interface SniffedType {
  mime: string;
  ext: string;
}

/** The real type of a file from its first bytes (magic numbers), or null when unrecognised. */
export async function sniffType(head: Uint8Array): Promise<SniffedType | null> {
  const found = await fileTypeFromBuffer(head);
  return found ? { mime: found.mime, ext: found.ext } : null;
}
