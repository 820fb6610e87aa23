import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeadMetadataReader } from './page-metadata';

/** Content-Encoding values a page may come in (HTTP's names), and how to undo them. */
export const DECOMPRESSORS: Record<string, (() => Transform) | undefined> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads `body` in its charset (`declared` by the header, else found in the page) until the head ends or
 * `maxBytes` are read, whichever is first; the rest is never downloaded.
 */
export async function readHead(body: Readable, declared: string | null, maxBytes: number): Promise<HeadMetadataReader> {
  const reader = new HeadMetadataReader();
  let decoder: TextDecoder | null = declared ? textDecoder(declared) : null;
  let pending: Buffer[] = [];
  let read = 0;
  try {
    for await (const chunk of body) {
      const part = read + chunk.length > maxBytes ? chunk.subarray(0, maxBytes - read) : chunk;
      read += part.length;
      if (!decoder) {
        // Without a charset in the header, the HTML rule: look for <meta charset> in the first 1024 bytes.
        pending.push(part);
        if (read < 1024 && read < maxBytes) continue;
        decoder = textDecoder(sniffCharset(Buffer.concat(pending)) ?? 'utf-8');
        for (const held of pending) reader.write(decoder.decode(held, { stream: true }));
        pending = [];
      } else {
        reader.write(decoder.decode(part, { stream: true }));
      }
      if (reader.done || read >= maxBytes) break;
    }
    if (!decoder) {
      decoder = textDecoder(sniffCharset(Buffer.concat(pending)) ?? 'utf-8');
      for (const held of pending) reader.write(decoder.decode(held, { stream: true }));
    }
    reader.write(decoder.decode());
  } finally {
    discard(body);
  }
  return reader;
}

/** The charset a Content-Type header names, if any. */
export function charsetOf(contentType: string): string | null {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1] ?? null;
}

function sniffCharset(start: Buffer): string | null {
  const text = start.subarray(0, 1024).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(text)?.[1] ?? null;
}

/** A decoder for the page's charset; an unknown label falls back to UTF-8 rather than failing the preview. */
function textDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Drops the rest of a body; destroying it reports an abort that nobody needs to hear. */
export function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
