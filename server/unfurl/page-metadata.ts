import { Parser } from 'htmlparser2';

/** What lib/contract items accept (ItemCreate.title, summary, imageUrl). */
export const LIMITS = { title: 300, description: 2000, url: 2048 } as const;

export interface PageMetadata {
  title: string | null;
  description: string | null;
  imageUrl: string | null;
}

// First match wins, in this order: Open Graph is what sharing previews use, Twitter cards next, plain HTML last.
const TITLE_KEYS = ['og:title', 'twitter:title'];
const DESCRIPTION_KEYS = ['og:description', 'twitter:description', 'description'];
const IMAGE_KEYS = ['og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'];

/**
 * Reads a page's head as it streams in, keeping only the handful of tags a preview needs, and says when
 * the head is over so the caller can stop downloading. Entities are decoded by the parser.
 */
export class HeadMetadataReader {
  /** True once the head has ended (`</head>` or `<body>`): nothing later is read. */
  done = false;
  private readonly meta = new Map<string, string>();
  private titleText: string | null = null;
  private inTitle = false;
  private base: string | null = null;
  private linkImage: string | null = null;
  private readonly parser: Parser;

  constructor() {
    this.parser = new Parser(
      {
        onopentag: (name, attribs) => {
          if (this.done) return;
          if (name === 'meta') {
            const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').trim().toLowerCase();
            if (key && attribs.content !== undefined && !this.meta.has(key)) this.meta.set(key, attribs.content);
          } else if (name === 'title' && this.titleText === null) {
            this.inTitle = true;
            this.titleText = '';
          } else if (name === 'base' && this.base === null && attribs.href) {
            this.base = attribs.href;
          } else if (
            name === 'link' &&
            this.linkImage === null &&
            attribs.href &&
            /(^|\s)image_src(\s|$)/i.test(attribs.rel ?? '')
          ) {
            this.linkImage = attribs.href;
          } else if (name === 'body') {
            this.done = true;
          }
        },
        ontext: (text) => {
          if (this.inTitle) this.titleText += text;
        },
        onclosetag: (name) => {
          if (name === 'title') this.inTitle = false;
          else if (name === 'head') this.done = true;
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
  }

  write(html: string): void {
    if (!this.done) this.parser.write(html);
  }

  /** The preview, with relative image URLs resolved against `<base href>` or the page's final URL. */
  finish(pageUrl: string): PageMetadata {
    this.parser.end();
    const pick = (keys: string[]) =>
      keys.map((k) => this.meta.get(k)).find((v) => v !== undefined && cleanText(v) !== '');
    return {
      title: capText(cleanText(pick(TITLE_KEYS) ?? this.titleText ?? ''), LIMITS.title),
      description: capText(cleanText(pick(DESCRIPTION_KEYS) ?? ''), LIMITS.description),
      imageUrl: absoluteHttpUrl(pick(IMAGE_KEYS) ?? this.linkImage, baseUrl(this.base, pageUrl)),
    };
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Whitespace runs (newlines, tabs, no-break spaces) become one space; control characters go. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/** Null when empty; cut at a word boundary with an ellipsis when longer than `max` (UTF-16 units, as zod counts). */
export function capText(text: string, max: number): string | null {
  if (!text) return null;
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

function baseUrl(base: string | null, pageUrl: string): string {
  const resolved = base ? absoluteHttpUrl(base, pageUrl) : null;
  return resolved ?? pageUrl;
}

/** An http(s) URL an item accepts, or null (data:, javascript:, unparsable or too long). */
function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href;
  return href.length <= LIMITS.url ? href : null;
}
