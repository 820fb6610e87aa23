import type { ComposerProfile, IgnoreRule, SiteProfile } from '../contract/site-profiles';
import { closestComposed, matchPath, matchesAny, safeMatches, validSelectors } from './dom';

/*
 * Finding post composers cheaply on busy single-page apps.
 * - One MutationObserver per root: the document, plus each open shadow root whose host matches a profile's
 *   `shadowHosts` (found the same way, so nested shadow roots work too).
 * - The observer callback only queues the ADDED element nodes (and the targets of the few attribute changes
 *   that can turn an element into an editor); a microtask later the queue is matched with ONE joined
 *   selector list per added subtree. The whole document is scanned once, at start, and never again.
 * - Composers are reported when they appear and when they leave the page (checked only after removals).
 */

export interface Composer {
  editor: HTMLElement;
  composer: ComposerProfile;
  profile: SiteProfile;
}

export interface DetectOptions {
  profile: SiteProfile;
  root: Document | ShadowRoot;
  /** Aborting stops every observer and timer (pass WXT's `ctx.signal`). */
  signal: AbortSignal;
  onAppear(c: Composer): void;
  onDisappear(c: Composer): void;
  /** The page path for `paths` rules; defaults to the root's window location. */
  getPath?: () => string;
  /** Runs a queued batch; defaults to a microtask (right after the mutation callback). */
  schedule?: (run: () => void) => void;
}

/** Attributes whose change can make an existing element match an editor selector. Not `class`: too busy. */
const WATCHED_ATTRIBUTES = ['contenteditable', 'role', 'data-testid'];

/** Delays after which a shadow host found without its shadow root yet is looked at again (from start or a click). */
const SHADOW_RETRY_MS = [0, 50, 200, 600, 1500, 4000];

/*
 * Batches run in a microtask, not on the next animation frame: a frame would add up to 16 ms (and more on a busy
 * page) to the panel's 50 ms budget. MutationObserver already delivers a whole task's mutations in one callback,
 * so the batch is still one per burst of page work, and the per-batch cost (one joined selector per added subtree)
 * is what kept the feed-CPU budget, not the frame.
 */
const microtask = (run: () => void) => queueMicrotask(run);

/** The first of `rules` that says this editor must never get a panel, or undefined. */
export function ignoringRule(
  editor: Element,
  composer: ComposerProfile,
  rules: readonly IgnoreRule[],
  path: string,
): IgnoreRule | undefined {
  return rules.find((rule) => {
    if (rule.paths && !rule.paths.some((p) => matchPath(p, path))) return false;
    if (rule.closest && !closestComposed(editor, rule.closest)) return false;
    if (rule.has) {
      const scope = rule.within ?? composer.within;
      const container = scope ? closestComposed(editor, scope) : null;
      if (!container) return false;
      if (!rule.has.some((s) => safeHas(container, s))) return false;
    }
    return true;
  });
}

/** Is this editor one the profile says must never get a panel? */
export function isIgnored(
  editor: Element,
  composer: ComposerProfile,
  rules: readonly IgnoreRule[],
  path: string,
): boolean {
  return ignoringRule(editor, composer, rules, path) !== undefined;
}

function safeHas(container: Element, selector: string): boolean {
  try {
    return container.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/**
 * How one composer of a profile judges an element: not its editor, outside its `within` containers, on a path
 * it does not list, excluded by an ignore rule, or its editor ('match').
 */
export type ComposerVerdict = 'editor' | 'within' | 'path' | 'match' | { ignoredBy: IgnoreRule };

export function judgeEditor(
  el: Element,
  composer: ComposerProfile,
  profile: SiteProfile,
  path: string,
): ComposerVerdict {
  if (!matchesAny(el, composer.editor)) return 'editor';
  if (composer.within && !closestComposed(el, composer.within)) return 'within';
  if (composer.paths && !composer.paths.some((p) => matchPath(p, path))) return 'path';
  const rule = ignoringRule(el, composer, profile.ignore, path);
  return rule ? { ignoredBy: rule } : 'match';
}

/**
 * The composer of the profile that decides about `el`: the first whose editor, `within` and `paths` fit. Its
 * verdict is 'match' or ignored; undefined when no composer fits.
 */
export function decidingComposer(
  el: Element,
  profile: SiteProfile,
  path: string,
): { composer: ComposerProfile; verdict: ComposerVerdict } | undefined {
  for (const composer of profile.composers) {
    const verdict = judgeEditor(el, composer, profile, path);
    if (verdict === 'match' || typeof verdict === 'object') return { composer, verdict };
  }
  return undefined;
}

/** Which of the profile's composers `el` is (first match in profile order), or null (not one, or ignored). */
export function matchComposer(el: Element, profile: SiteProfile, path: string): ComposerProfile | null {
  const decided = decidingComposer(el, profile, path);
  return decided?.verdict === 'match' ? decided.composer : null;
}

export function detectComposers(options: DetectOptions): void {
  const { profile, root, signal, onAppear, onDisappear } = options;
  if (signal.aborted) return;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const win = doc.defaultView;
  const getPath = options.getPath ?? (() => win?.location.pathname ?? '/');
  const schedule = options.schedule ?? microtask;

  const editorSelector = validSelectors(
    doc,
    profile.composers.flatMap((c) => c.editor),
  ).join(',');
  const hostSelector = validSelectors(
    doc,
    profile.composers.flatMap((c) => c.shadowHosts ?? []),
  ).join(',');
  const anySelector = [editorSelector, hostSelector].filter(Boolean).join(',');

  const known = new Map<HTMLElement, Composer>();
  const observedRoots = new WeakSet<Node>();
  const waitingHosts = new Set<Element>();
  let listening = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const observers: MutationObserver[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let subtrees: Node[] = [];
  let attributeTargets: Element[] = [];
  let removals = false;
  let scheduled = false;

  const requestFlush = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    schedule(flush);
  };

  const onRecords = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (n.nodeType === 1) subtrees.push(n);
        if (r.removedNodes.length > 0) removals = true;
      } else {
        attributeTargets.push(r.target as Element);
      }
    }
    if (subtrees.length > 0 || attributeTargets.length > 0 || (removals && known.size > 0)) requestFlush();
    else removals = false;
  };

  function observe(r: Document | ShadowRoot) {
    if (observedRoots.has(r)) return;
    observedRoots.add(r);
    const mo = new MutationObserver(onRecords);
    mo.observe(r, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    observers.push(mo);
    subtrees.push(r);
  }

  function consider(el: Element) {
    if (hostSelector && matchesAny(el, [hostSelector])) watchHost(el);
    if (!editorSelector || known.has(el as HTMLElement) || !matchesAny(el, [editorSelector])) return;
    const composer = matchComposer(el, profile, getPath());
    if (!composer) return;
    const found: Composer = { editor: el as HTMLElement, composer, profile };
    known.set(found.editor, found);
    onAppear(found);
  }

  function watchHost(host: Element) {
    if (host.shadowRoot) {
      waitingHosts.delete(host);
      if (!observedRoots.has(host.shadowRoot)) {
        observe(host.shadowRoot);
        requestFlush();
      }
      return;
    }
    // The host is in the page but its shadow root comes later (LinkedIn attaches it when the person opens the
    // share box). Attaching a shadow root makes no mutation, so look again a few times, and after each of the
    // person's clicks and key presses (which is what opens a composer).
    if (waitingHosts.has(host)) return;
    waitingHosts.add(host);
    lookAgain();
    if (!listening) {
      listening = true;
      for (const type of ['click', 'keyup', 'focusin'] as const) {
        doc.addEventListener(type, () => waitingHosts.size > 0 && lookAgain(), {
          capture: true,
          passive: true,
          signal,
        });
      }
    }
  }

  /** Check the hosts still without a shadow root after each of a few delays; a new call restarts the series. */
  function lookAgain() {
    if (retryTimer !== undefined) {
      clearTimeout(retryTimer);
      timers.delete(retryTimer);
      retryTimer = undefined;
    }
    const step = (i: number) => {
      const delay = SHADOW_RETRY_MS[i];
      if (delay === undefined || signal.aborted) return;
      const t = setTimeout(() => {
        timers.delete(t);
        retryTimer = undefined;
        for (const host of [...waitingHosts]) {
          if (!host.isConnected) waitingHosts.delete(host);
          else if (host.shadowRoot) watchHost(host);
        }
        if (waitingHosts.size > 0) step(i + 1);
      }, delay);
      retryTimer = t;
      timers.add(t);
    };
    step(0);
  }

  function flush() {
    scheduled = false;
    if (signal.aborted) return;
    const batch = subtrees;
    const attrs = attributeTargets;
    subtrees = [];
    attributeTargets = [];
    if (anySelector) {
      for (const node of batch) {
        if (!node.isConnected) continue;
        // One selector test for the added element itself (most added elements are neither editor nor host).
        if (node.nodeType === 1 && safeMatches(node as Element, anySelector)) consider(node as Element);
        if (!node.firstChild) continue;
        for (const el of (node as ParentNode).querySelectorAll(anySelector)) consider(el);
      }
      for (const el of attrs) if (el.isConnected) consider(el);
    }
    if (removals) {
      removals = false;
      for (const [editor, found] of known) {
        if (!editor.isConnected) {
          known.delete(editor);
          onDisappear(found);
        }
      }
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      for (const mo of observers) mo.disconnect();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      known.clear();
      waitingHosts.clear();
    },
    { once: true },
  );

  observe(root);
  // The one full scan, right away, so composers already on the page get their panel without waiting a frame.
  flush();
}
