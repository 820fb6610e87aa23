/*
 * A page a curator saved from the live site, read in the console to check a site profile against it. The file
 * never leaves the browser and never runs: it is parsed into a document without a browsing context (no scripts,
 * no loads). Saved pages keep shadow DOM only when it is declarative (`<template shadowrootmode>`), which is how
 * LinkedIn's share box, in the open shadow root of `#interop-outlet`, can be kept.
 */

export const MAX_SAVED_PAGE_BYTES = 10 * 1024 * 1024;

export type SavedPageProblem =
  | { kind: 'empty' }
  | { kind: 'tooLarge'; bytes: number }
  /** A single-file web archive: MIME parts, not HTML. */
  | { kind: 'mhtml' }
  | { kind: 'notHtml' };

/** What can be told about a chosen file before reading it. */
export function checkSavedFile(file: { name: string; type: string; size: number }): SavedPageProblem | null {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  if (/\.mht(ml)?$/.test(name) || type === 'multipart/related' || type === 'message/rfc822') return { kind: 'mhtml' };
  const html = /\.(html?|xhtml)$/.test(name) || type === 'text/html' || type === 'application/xhtml+xml';
  if (!html) return { kind: 'notHtml' };
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > MAX_SAVED_PAGE_BYTES) return { kind: 'tooLarge', bytes: file.size };
  return null;
}

/** What can be told from the file's text: binary content, or no markup at all, is not a saved page. */
export function checkSavedText(text: string): SavedPageProblem | null {
  if (text.trim() === '') return { kind: 'empty' };
  if (text.includes('\u0000') || !/<[a-z!][^>]*>/i.test(text)) return { kind: 'notHtml' };
  return null;
}

type ParseUnsafe = (html: string) => Document;

/**
 * The saved page as a document that never runs, with its declarative shadow roots attached: by the browser's
 * own `Document.parseHTMLUnsafe` where there is one, else here, from DOMParser's output.
 */
export function parseSavedPage(html: string): Document {
  const parseUnsafe = (Document as unknown as { parseHTMLUnsafe?: ParseUnsafe }).parseHTMLUnsafe;
  const doc =
    typeof parseUnsafe === 'function'
      ? parseUnsafe.call(Document, html)
      : new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** Turns each `<template shadowrootmode>` left in the tree into its parent's shadow root, at any depth. */
export function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const template of [...root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || host.shadowRoot || (mode !== 'open' && mode !== 'closed')) continue;
    let shadow: ShadowRoot;
    try {
      shadow = host.attachShadow({ mode });
    } catch {
      continue; // not an element that can hold a shadow root; the browser's parser leaves these too
    }
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export type AddressSource = 'savedFrom' | 'canonical' | 'ogUrl';

/**
 * The address the page was saved from, when the file says: the browser's `<!-- saved from url=(…)… -->` mark,
 * else `<link rel="canonical">`, else `og:url`. Web addresses only.
 */
export function savedPageAddress(html: string, doc: Document): { url: URL; source: AddressSource } | null {
  const mark = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  const found: [string | null | undefined, AddressSource][] = [
    [mark?.[1], 'savedFrom'],
    [doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'), 'canonical'],
    [doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content'), 'ogUrl'],
  ];
  for (const [value, source] of found) {
    const url = webAddress(value?.trim() ?? '');
    if (url) return { url, source };
  }
  return null;
}

function webAddress(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The path of what the curator typed: a path starting with `/`, or a web address (with or without `https://`). */
export function pathOfAddress(input: string): string | null {
  const value = input.trim();
  if (value.startsWith('/')) return /\s/.test(value) ? null : value.split(/[?#]/)[0]!;
  const url =
    webAddress(value) ?? (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(value) ? webAddress(`https://${value}`) : null);
  return url ? url.pathname : null;
}
