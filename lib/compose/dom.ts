/*
 * Small DOM helpers shared by detection, insertion and share detection. Everything takes its nodes as
 * parameters (no globals at import time), and a selector a site profile got wrong never throws.
 */

/** `el.matches(selector)`, false for an invalid selector. */
export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function matchesAny(el: Element, selectors: readonly string[]): boolean {
  return selectors.some((s) => safeMatches(el, s));
}

function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The selectors of a list that parse, so they can be joined into one selector list safely. */
export function validSelectors(doc: Document, selectors: readonly string[]): string[] {
  const probe = doc.createDocumentFragment();
  return selectors.filter((s) => {
    try {
      probe.querySelector(s);
      return true;
    } catch {
      return false;
    }
  });
}

/** The shadow host of the tree `node` lives in, or null in the document's own tree. */
export function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root.nodeType === 11 /* DOCUMENT_FRAGMENT_NODE */ && 'host' in root ? (root as ShadowRoot).host : null;
}

/** The nearest ancestor (or `el` itself) matching one of `selectors`, crossing open shadow-root boundaries. */
export function closestComposed(el: Element, selectors: readonly string[]): Element | null {
  for (let node: Element | null = el; node; node = hostOf(node)) {
    for (const s of selectors) {
      const found = safeClosest(node, s);
      if (found) return found;
    }
  }
  return null;
}

/** The parent element, or the shadow host at the top of a shadow tree. */
function composedParent(el: Element): Element | null {
  return el.parentElement ?? hostOf(el);
}

/**
 * The element matching `selectors` nearest to `from`: searching its ancestors outwards (crossing shadow
 * boundaries), the first ancestor that contains a match wins; within one ancestor, selector order wins.
 * `textFallback`: a button whose trimmed text equals one of these (case-insensitive), when no selector matches.
 */
export function nearest(
  from: Element,
  selectors: readonly string[],
  textFallback?: readonly string[],
): HTMLElement | null {
  for (let anc = composedParent(from); anc; anc = composedParent(anc)) {
    for (const s of selectors) {
      const found = safeQuery(anc, s);
      if (found) return found as HTMLElement;
    }
  }
  if (!textFallback?.length) return null;
  const wanted = new Set(textFallback.map((t) => t.trim().toLowerCase()));
  for (let anc = composedParent(from); anc; anc = composedParent(anc)) {
    for (const b of anc.querySelectorAll('button, [role="button"]')) {
      if (wanted.has((b.textContent ?? '').trim().toLowerCase())) return b as HTMLElement;
    }
  }
  return null;
}

/**
 * `location.pathname` against a profile path pattern, segment by segment: `*` matches one segment, a final
 * `**` matches any rest (also none). Trailing slashes are ignored. No regular expression is built from data.
 */
export function matchPath(pattern: string, pathname: string): boolean {
  const split = (p: string) => p.split('/').filter(Boolean);
  const pat = split(pattern);
  const path = split(pathname);
  for (let i = 0; i < pat.length; i++) {
    const seg = pat[i];
    if (seg === '**' && i === pat.length - 1) return true;
    const actual = path[i];
    if (actual === undefined) return false;
    if (seg !== '*' && seg !== actual) return false;
  }
  return pat.length === path.length;
}

/** A button is usable when neither `disabled` nor `aria-disabled="true"`. */
export function isEnabled(button: Element): boolean {
  return !(button as HTMLButtonElement).disabled && button.getAttribute('aria-disabled') !== 'true';
}
