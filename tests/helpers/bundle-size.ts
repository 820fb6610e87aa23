/**
 * Content-script sizes as shipped: each built content script (`.output/chrome-mv3/content-scripts/<name>.js`)
 * with its CSS (listed in the manifest, or `<name>.css` beside it, which WXT loads into a shadow-root UI at
 * run time), gzipped. Shared by the bench row and the byte-budget test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir } from './browser';

export const CONTENT_SCRIPT_BUDGET = 25 * 1024;

export interface ContentScriptSize {
  name: string;
  files: string[];
  /** Bytes as built (uncompressed). */
  raw: number;
  /** Each file gzipped at level 9, summed (what the store download and disk cache roughly hold). */
  gzip: number;
  /** The manifest's match patterns for this script. */
  matches: string[];
}

interface ManifestScript {
  matches?: string[];
  js?: string[];
  css?: string[];
}

export function contentScriptSizes(dir = extensionDir): ContentScriptSize[] {
  const folder = join(dir, 'content-scripts');
  if (!existsSync(folder)) return [];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestScript[];
  };
  const entries = manifest.content_scripts ?? [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.js$/, '');
      const rel = `content-scripts/${file}`;
      const entry = entries.find((e) => e.js?.includes(rel));
      const css = new Set(entry?.css ?? []);
      if (existsSync(join(folder, `${name}.css`))) css.add(`content-scripts/${name}.css`);
      const files = [rel, ...css];
      let raw = 0;
      let gzip = 0;
      for (const f of files) {
        const bytes = readFileSync(join(dir, f));
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      return { name, files, raw, gzip, matches: entry?.matches ?? [] };
    });
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
