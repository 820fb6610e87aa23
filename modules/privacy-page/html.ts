/**
 * PRIVACY.md as a page of the extension (privacy.html), so the settings page can link the policy the person
 * is reading about without sending them to a web site the company may not have. Written at build time
 * (modules/privacy-page/index.ts), so the file in the repository is the only copy to edit.
 *
 * marked does the Markdown. The page is an extension page, so it must stay inert and self-contained whatever
 * the Markdown holds: raw HTML is shown as text (nothing typed into PRIVACY.md can add a script or markup),
 * links are kept only to https: and mailto: addresses, and images show their alt text instead of loading.
 */
import { Marked } from 'marked';

const escape = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const markdown = new Marked({
  async: false,
  gfm: true,
  renderer: {
    html: ({ text }) => escape(text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!/^(https:|mailto:)/i.test(href)) return text;
      return `<a href="${escape(href)}"${title ? ` title="${escape(title)}"` : ''}>${text}</a>`;
    },
    image: ({ text }) => escape(text),
  },
});

export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false }).trim();
}

/** The whole page: English, like PRIVACY.md, readable without scripts (none are allowed to run inline). */
export function privacyPage(source: string): string {
  const heading = markdown.lexer(source).find((t) => t.type === 'heading' && t.depth === 1);
  const title = heading?.type === 'heading' ? heading.text : 'Privacy policy';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  :root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
  body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
  li { margin-block: 0.4rem; }
</style>
</head>
<body>
<main>
${markdownToHtml(source)}
</main>
</body>
</html>
`;
}
