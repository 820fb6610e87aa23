import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../lib/i18n/locales';
import { checkChromePackage } from './chrome-package';
import { checkSources } from './firefox-package';
import { writePng } from './icons';

/** A square PNG, opaque, or with `padding` transparent pixels round an opaque middle. */
function square(size: number, padding = 0): Buffer {
  const data = new Uint8Array(size * size * 4);
  for (let y = padding; y < size - padding; y++)
    for (let x = padding; x < size - padding; x++) data.set([0, 110, 100, 255], (y * size + x) * 4);
  return writePng({ width: size, height: size, data });
}

function goodPackage(): { files: Map<string, Buffer>; manifest: Record<string, unknown> } {
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    minimum_chrome_version: '111',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_popup: 'popup.html' },
    background: { service_worker: 'background.js' },
    options_ui: { page: 'options.html' },
    permissions: ['storage', 'alarms', 'activeTab'],
    host_permissions: ['https://www.linkedin.com/*', 'https://x.com/*'],
    content_scripts: [{ matches: ['https://x.com/*'], js: ['content-scripts/x.js'] }],
  };
  const files = new Map<string, Buffer>([
    ['icon/16.png', square(16)],
    ['icon/32.png', square(32)],
    ['icon/48.png', square(48)],
    ['icon/128.png', square(128, 16)],
    ['popup.html', Buffer.from('<!doctype html>')],
    ['options.html', Buffer.from('<!doctype html>')],
    ['privacy.html', Buffer.from('<!doctype html>')],
    ['background.js', Buffer.from('')],
    ['content-scripts/x.js', Buffer.from('')],
  ]);
  for (const l of LOCALES) {
    files.set(
      `_locales/${l}/messages.json`,
      Buffer.from(JSON.stringify({ extName: { message: 'Relay' }, extDescription: { message: 'Share.' } })),
    );
  }
  return { files, manifest };
}

const check = ({ files, manifest }: ReturnType<typeof goodPackage>) =>
  checkChromePackage(new Map([...files, ['manifest.json', Buffer.from(JSON.stringify(manifest))]]));

describe('checkChromePackage', () => {
  it('passes a package the Chrome Web Store takes', () => {
    expect(check(goodPackage())).toEqual([]);
  });

  it('wants manifest version 3 and a minimum Chrome version', () => {
    const p = goodPackage();
    p.manifest.manifest_version = 2;
    delete p.manifest.minimum_chrome_version;
    expect(check(p)).toEqual([
      'manifest_version is 2, not 3',
      'minimum_chrome_version is missing or not a version like "111"',
    ]);
  });

  it('wants every icon size, as a PNG of that size, the 128 one padded', () => {
    const p = goodPackage();
    delete (p.manifest.icons as Record<string, string>)['32'];
    p.files.set('icon/48.png', square(64));
    p.files.set('icon/16.png', Buffer.from('GIF89a'));
    p.files.set('icon/128.png', square(128));
    expect(check(p)).toEqual([
      'icon/16.png is not a PNG',
      'icons has no 32×32 icon',
      'icon/48.png is 64×64, not 48×48',
      'icon/128.png needs 16 px of transparent padding on each side',
    ]);
  });

  it('finds files the manifest names but the package lacks', () => {
    const p = goodPackage();
    p.files.delete('content-scripts/x.js');
    p.files.delete('options.html');
    expect(check(p)).toEqual([
      'options_ui.page names options.html, which is not in the package',
      'content_scripts[0] names content-scripts/x.js, which is not in the package',
    ]);
  });

  it('refuses access to every site', () => {
    const p = goodPackage();
    p.manifest.host_permissions = ['<all_urls>'];
    (p.manifest.content_scripts as { matches: string[] }[])[0]!.matches = ['*://*/*'];
    expect(check(p)).toEqual(['asks for every site: <all_urls>', 'asks for every site: *://*/*']);
  });

  it('wants every language’s catalogue, with a summary of at most 132 characters', () => {
    const p = goodPackage();
    p.files.delete('_locales/nl/messages.json');
    p.files.set(
      '_locales/ru/messages.json',
      Buffer.from(JSON.stringify({ extName: { message: 'Relay' }, extDescription: { message: 'я'.repeat(133) } })),
    );
    expect(check(p)).toEqual([
      '_locales/nl/messages.json is missing',
      "ru: the manifest's description has 133 characters, over 132",
    ]);
  });

  it('wants the privacy policy the settings page links', () => {
    const p = goodPackage();
    p.files.delete('privacy.html');
    expect(check(p)).toEqual(['privacy.html (the privacy policy the settings page links) is missing']);
  });
});

describe('checkSources', () => {
  const complete = [
    'package.json',
    'package-lock.json',
    'README.md',
    'PRIVACY.md',
    'wxt.config.ts',
    'tsconfig.json',
    ...LOCALES.map((l) => `locales/${l}.yml`),
    'entrypoints/background.ts',
    'lib/i18n/index.ts',
    'components/ItemCard.tsx',
    'public/icon/128.png',
    'modules/privacy-page/index.ts',
  ];

  it('passes what a reviewer needs to rebuild', () => {
    expect(checkSources(complete)).toEqual([]);
  });

  it('names what is missing and what should not be there', () => {
    const names = [
      ...complete.filter((n) => n !== 'package-lock.json' && n !== 'locales/ca.yml'),
      'node_modules/x/index.js',
      'data/relay.db',
    ];
    expect(checkSources(names)).toEqual([
      'package-lock.json is missing',
      'locales/ca.yml is missing',
      'node_modules/x/index.js should not be in the sources',
      'data/relay.db should not be in the sources',
    ]);
  });
});
