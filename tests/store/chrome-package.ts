/**
 * `npx tsx tests/store/chrome-package.ts [zip]`: checks the Chrome Web Store package (`.output/*chrome*.zip`
 * by default) the way the store's upload does, and says what is wrong.
 *
 * Why not `web-ext lint`: it is Mozilla's addons-linter, which judges a package as Firefox would load it. On
 * the Chrome build its two errors are Firefox's rules (an add-on id is required in MV3; a service worker
 * without background scripts, which Firefox does not run) and it warns about data_collection_permissions,
 * another Firefox key; it says nothing of what the Chrome Web Store rejects:
 * missing or wrongly sized icons, files the manifest names but the zip lacks, a `default_locale` without its
 * catalogues, a summary over 132 characters. The Firefox package keeps `web-ext lint`.
 */
import { readFileSync } from 'node:fs';
import { LOCALES } from '../../lib/i18n/locales';
import { readPng, STORE_ICON, type Image } from './icons';
import { newestZip, readZip } from './firefox-package';

/** Chrome Web Store limits: the manifest's name and description are the listing's title and summary. */
export const CHROME_LIMITS = { name: 75, description: 132 } as const;

const ICON_SIZES = [16, 32, 48, 128] as const;

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** Every problem found in the package's files (path in the zip → bytes); none means it is fit to upload. */
export function checkChromePackage(files: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const raw = files.get('manifest.json');
  if (!raw) return ['manifest.json is missing'];
  let manifest: Json;
  try {
    manifest = asObject(JSON.parse(raw.toString('utf8')));
  } catch (err) {
    return [`manifest.json is not JSON: ${(err as Error).message}`];
  }

  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${String(manifest.manifest_version)}, not 3`);
  const minimum = manifest.minimum_chrome_version;
  if (typeof minimum !== 'string' || !/^\d+(\.\d+){0,3}$/.test(minimum)) {
    problems.push('minimum_chrome_version is missing or not a version like "111"');
  }

  const named = new Set<string>();
  const name = (path: unknown, where: string) => {
    if (typeof path !== 'string' || !path) return;
    const inZip = path.replace(/^\//, '');
    named.add(inZip);
    if (!files.has(inZip)) problems.push(`${where} names ${path}, which is not in the package`);
  };

  const icons = asObject(manifest.icons);
  for (const size of ICON_SIZES) {
    const path = icons[String(size)];
    if (typeof path !== 'string') {
      problems.push(`icons has no ${size}×${size} icon`);
      continue;
    }
    name(path, `icons.${size}`);
    const bytes = files.get(path.replace(/^\//, ''));
    if (!bytes) continue;
    let found: Image;
    try {
      found = readPng(bytes);
    } catch {
      problems.push(`${path} is not a PNG`);
      continue;
    }
    if (found.width !== size || found.height !== size)
      problems.push(`${path} is ${found.width}×${found.height}, not ${size}×${size}`);
    else if (size === STORE_ICON.size && !hasStorePadding(found)) {
      problems.push(`${path} needs ${STORE_ICON.padding} px of transparent padding on each side`);
    }
  }
  const action = asObject(manifest.action);
  name(action.default_popup, 'action.default_popup');
  for (const [size, path] of Object.entries(asObject(action.default_icon))) name(path, `action.default_icon.${size}`);
  name(asObject(manifest.background).service_worker, 'background.service_worker');
  name(asObject(manifest.options_ui).page, 'options_ui.page');
  name(manifest.options_page, 'options_page');
  for (const [i, script] of (Array.isArray(manifest.content_scripts) ? manifest.content_scripts : []).entries()) {
    for (const path of [...asStrings(asObject(script).js), ...asStrings(asObject(script).css)])
      name(path, `content_scripts[${i}]`);
  }
  for (const entry of Array.isArray(manifest.web_accessible_resources) ? manifest.web_accessible_resources : []) {
    for (const path of asStrings(asObject(entry).resources))
      if (!path.includes('*')) name(path, 'web_accessible_resources');
  }

  // Relay asks for the sites it helps on and nothing wider; a broad host permission also sends a package to
  // the store's slow in-depth review.
  const hosts = [
    ...asStrings(manifest.permissions),
    ...asStrings(manifest.optional_permissions),
    ...asStrings(manifest.host_permissions),
    ...asStrings(manifest.optional_host_permissions),
    ...(Array.isArray(manifest.content_scripts)
      ? manifest.content_scripts.flatMap((s) => asStrings(asObject(s).matches))
      : []),
  ];
  for (const pattern of hosts) {
    if (pattern === '<all_urls>' || /^(\*|https?):\/\/\*\//.test(pattern))
      problems.push(`asks for every site: ${pattern}`);
  }

  const defaultLocale = manifest.default_locale;
  if (defaultLocale !== 'en') problems.push(`default_locale is ${String(defaultLocale)}, not en`);
  for (const locale of LOCALES) {
    const path = `_locales/${locale}/messages.json`;
    const catalogue = files.get(path);
    if (!catalogue) {
      problems.push(`${path} is missing`);
      continue;
    }
    let messages: Record<string, { message?: string }>;
    try {
      messages = JSON.parse(catalogue.toString('utf8')) as typeof messages;
    } catch {
      problems.push(`${path} is not JSON`);
      continue;
    }
    for (const field of ['name', 'description'] as const) {
      const value = manifest[field];
      const key = typeof value === 'string' ? /^__MSG_(\w+)__$/.exec(value)?.[1] : undefined;
      const text = key ? messages[key]?.message : value;
      if (typeof text !== 'string' || !text.trim()) problems.push(`${locale}: the manifest's ${field} is empty`);
      else if ([...text].length > CHROME_LIMITS[field]) {
        problems.push(
          `${locale}: the manifest's ${field} has ${[...text].length} characters, over ${CHROME_LIMITS[field]}`,
        );
      }
    }
  }

  // The settings page links the privacy policy inside the extension (see PRIVACY.md).
  if (!files.has('privacy.html')) problems.push('privacy.html (the privacy policy the settings page links) is missing');
  return problems;
}

function hasStorePadding({ width, data }: Image): boolean {
  const { size, padding } = STORE_ICON;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x >= padding && x < size - padding && y >= padding && y < size - padding;
      if (!inside && data[(y * width + x) * 4 + 3] !== 0) return false;
    }
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const zip = process.argv[2] ?? newestZip(process.env.WXT_OUT_DIR || '.output', 'chrome');
  if (!zip) {
    console.error('No .output/*chrome*.zip: run `npm run zip` first.');
    process.exit(1);
  }
  const problems = checkChromePackage(readZip(readFileSync(zip)));
  for (const p of problems) console.error(`✗ ${p}`);
  console.log(problems.length ? `${zip}: ${problems.length} problem(s)` : `${zip}: fit for the Chrome Web Store`);
  process.exit(problems.length ? 1 : 0);
}
