import panelCss from './panel.css?inline';

/*
 * A shadow-root host for the panel: what WXT's createShadowRootUi does for an inline UI, in a few lines.
 * Relay first used createShadowRootUi; its auto-mount machinery (wait-element, isolated-element, a CSS fetch per
 * mount) cost ~2.5 KB gzipped of the X content script's 25 KB budget.
 * The panel's CSS ships inside the content script as a string (Vite `?inline`), so the first panel of a page does
 * not wait for a fetch of a web-accessible CSS file (that fetch was most of the panel's 50 ms budget). It goes into
 * each shadow root as a <style> with `:root` turned into `:host`, and host styles are reset (`all: initial`).
 * A <style> rather than a constructable stylesheet: Firefox content scripts live in a sandbox whose
 * CSSStyleSheet objects a page-owned shadow root's `adoptedStyleSheets` refuses.
 * Key events stay inside, so the site's keyboard shortcuts do not fire while the panel has focus.
 */

const css = `:host{all:initial !important}\n${panelCss.replaceAll(':root', ':host')}`;

export interface ShadowUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

/** Create `<name>` with an open shadow root holding the CSS and a container to render into. Not yet placed. */
export function createShadowUi(doc: Document, name: string): ShadowUi {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    container.addEventListener(type, (e) => e.stopPropagation());
  }
  shadow.append(style, container);
  return { host, shadow, container, remove: () => host.remove() };
}
