import { browser } from 'wxt/browser';

/*
 * A shadow-root host for the panel: what WXT's createShadowRootUi does for an inline UI, in a few lines.
 * Relay first used createShadowRootUi; its auto-mount machinery (wait-element, isolated-element, a CSS fetch per
 * mount) cost ~2.5 KB gzipped of the X content script's 25 KB budget. This keeps its behaviour where it matters:
 * the content script's CSS (cssInjectionMode 'ui': WXT does not inject it into the page) is fetched ONCE and
 * put inside each shadow root with `:root` turned into `:host`, host styles are reset (`all: initial`), and
 * key events stay inside, so the site's keyboard shortcuts do not fire while the panel has focus.
 */

let css: Promise<string> | null = null;

/** The entry's CSS (content-scripts/<name>.css), fetched once per page. */
function loadCss(): Promise<string> {
  css ??= fetch(browser.runtime.getURL(`/content-scripts/${import.meta.env.ENTRYPOINT}.css` as '/'))
    .then((r) => (r.ok ? r.text() : ''))
    .then((text) => `:host{all:initial !important}\n${text.replaceAll(':root', ':host')}`)
    .catch(() => ':host{all:initial !important}');
  return css;
}

export interface ShadowUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

/** Create `<name>` with an open shadow root holding the CSS and a container to render into. Not yet placed. */
export async function createShadowUi(doc: Document, name: string): Promise<ShadowUi> {
  const text = await loadCss();
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = text;
  const container = doc.createElement('div');
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    container.addEventListener(type, (e) => e.stopPropagation());
  }
  shadow.append(style, container);
  return { host, shadow, container, remove: () => host.remove() };
}
