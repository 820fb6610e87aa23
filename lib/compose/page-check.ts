import type { ComposerProfile, IgnoreRule, SiteProfile } from '../contract/site-profiles';
import { decidingComposer, detectComposers, judgeEditor } from './detect';
import { hostOf, nearest, safeMatches, validSelectors } from './dom';

/*
 * A site profile checked against a page a curator saved from the live site. The page is a parsed Document that
 * never ran (see saved-page.ts). Which editors get a panel is decided by the content scripts' own detection
 * (detectComposers, run once over the page); the rest of the report explains the other editors with the same
 * per-composer judgement detection uses, and finds Post buttons the way a composer session does.
 */

/** What happened to one element that matches a composer's editor selectors. */
export type Outcome =
  | { kind: 'panel' }
  /** `rule` counts from 1, in the profile's `ignore` list. */
  | { kind: 'ignored'; rule: number; reason?: string }
  | { kind: 'outsideWithin' }
  | { kind: 'pathNotListed'; paths: readonly string[] }
  /** An earlier composer of the profile decides about this element (see its own report). */
  | { kind: 'otherComposer'; name: string }
  /** It would get a panel, but it lives in a shadow root detection does not look into. */
  | { kind: 'unwatchedShadow'; host: string };

/** An element as the curator reads it: its own description, and those of the shadow hosts it sits in. */
export interface Described {
  element: string;
  /** Innermost first; empty in the document's own tree. */
  inShadowOf: string[];
}

export type PostButtonFound = Described & ({ selector: string } | { text: string });

export interface Candidate extends Described {
  /** The first of the composer's editor selectors the element matches. */
  selector: string;
  outcome: Outcome;
  /** For elements that get a panel: the Post button found from the editor, null when none; else undefined. */
  postButton?: PostButtonFound | null;
}

export interface ComposerReport {
  name: string;
  status: 'found' | 'ignored' | 'notFound';
  candidates: Candidate[];
  /** The composer's shadow hosts present in the page without open shadow content (saved without it). */
  emptyShadowHosts: Described[];
}

export interface PageReport {
  path: string;
  composers: ComposerReport[];
}

const MAX_VALUE = 60;
const clip = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s);

/** A short, readable description of an element: tag, id, a few classes, role, aria-label, data-testid. */
export function describeElement(el: Element): string {
  let out = el.localName;
  if (el.id) out += `#${clip(el.id)}`;
  const classes = [...el.classList].slice(0, 3);
  if (classes.length) out += `.${classes.map(clip).join('.')}`;
  for (const attr of ['role', 'aria-label', 'data-testid']) {
    const value = el.getAttribute(attr);
    if (value !== null) out += ` ${attr}="${clip(value)}"`;
  }
  return out;
}

function describe(el: Element): Described {
  const inShadowOf: string[] = [];
  for (let host = hostOf(el); host; host = hostOf(host)) inShadowOf.push(describeElement(host));
  return { element: describeElement(el), inShadowOf };
}

/** Every element of the document and of the open shadow roots inside it, at any depth, matching `selector`. */
function queryDeep(doc: Document, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (safeMatches(el, selector)) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(doc);
  return found;
}

/** The editors that get a panel on this page, and their composer, as the content script's detection finds them. */
function detectPanels(doc: Document, profile: SiteProfile, path: string): Map<Element, string> {
  const panels = new Map<Element, string>();
  const stop = new AbortController();
  const queue: (() => void)[] = [];
  detectComposers({
    profile,
    root: doc,
    signal: stop.signal,
    getPath: () => path,
    // Batches run right here rather than in microtasks: the saved page never changes, so one pass finds all.
    schedule: (run) => queue.push(run),
    onAppear: (c) => panels.set(c.editor, c.composer.name),
    onDisappear: () => {},
  });
  while (queue.length) queue.shift()!();
  // Hosts saved without their shadow root leave detection waiting for one; nothing will attach it here.
  stop.abort();
  return panels;
}

function postButtonOf(editor: Element, composer: ComposerProfile): PostButtonFound | null {
  const { selectors, texts } = composer.postButton;
  const button = nearest(editor, selectors, texts);
  if (!button) return null;
  const described = describe(button);
  const selector = selectors.find((s) => safeMatches(button, s));
  if (selector) return { ...described, selector };
  const text = (button.textContent ?? '').trim();
  return { ...described, text: texts?.find((t) => t.trim().toLowerCase() === text.toLowerCase()) ?? text };
}

function ruleNumber(rule: IgnoreRule, profile: SiteProfile): number {
  return profile.ignore.indexOf(rule) + 1;
}

function outcomeOf(
  el: Element,
  composer: ComposerProfile,
  profile: SiteProfile,
  path: string,
  panels: Map<Element, string>,
): Outcome {
  const panelOf = panels.get(el);
  if (panelOf === composer.name) return { kind: 'panel' };
  const own = judgeEditor(el, composer, profile, path);
  if (own === 'within') return { kind: 'outsideWithin' };
  if (own === 'path') return { kind: 'pathNotListed', paths: composer.paths ?? [] };
  const decided = decidingComposer(el, profile, path);
  if (decided && decided.composer !== composer) return { kind: 'otherComposer', name: decided.composer.name };
  if (typeof own === 'object') {
    const rule = own.ignoredBy;
    return { kind: 'ignored', rule: ruleNumber(rule, profile), ...(rule.reason ? { reason: rule.reason } : {}) };
  }
  // Judged its editor, yet detection did not report it: detection never looked where it is.
  const host = hostOf(el);
  return {
    kind: 'unwatchedShadow',
    host: host ? describeElement(host) : describeElement(el.ownerDocument.documentElement),
  };
}

function checkComposer(
  doc: Document,
  composer: ComposerProfile,
  profile: SiteProfile,
  path: string,
  panels: Map<Element, string>,
): ComposerReport {
  const editorSelectors = validSelectors(doc, composer.editor);
  const candidates: Candidate[] =
    editorSelectors.length === 0
      ? []
      : queryDeep(doc, editorSelectors.join(',')).map((el) => {
          const outcome = outcomeOf(el, composer, profile, path, panels);
          return {
            ...describe(el),
            selector: composer.editor.find((s) => safeMatches(el, s))!,
            outcome,
            ...(outcome.kind === 'panel' ? { postButton: postButtonOf(el, composer) } : {}),
          };
        });
  const hostSelectors = validSelectors(doc, composer.shadowHosts ?? []);
  const emptyShadowHosts =
    hostSelectors.length === 0
      ? []
      : queryDeep(doc, hostSelectors.join(','))
          .filter((host) => !host.shadowRoot || host.shadowRoot.childElementCount === 0)
          .map(describe);
  const status = candidates.some((c) => c.outcome.kind === 'panel')
    ? 'found'
    : candidates.some((c) => c.outcome.kind === 'ignored')
      ? 'ignored'
      : 'notFound';
  return { name: composer.name, status, candidates, emptyShadowHosts };
}

/** Which of the profile's composers a saved page holds, what ignores the others, and each one's Post button. */
export function checkPage(doc: Document, profile: SiteProfile, path: string): PageReport {
  const panels = detectPanels(doc, profile, path);
  return { path, composers: profile.composers.map((c) => checkComposer(doc, c, profile, path, panels)) };
}
