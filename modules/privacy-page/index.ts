import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { privacyPage } from './html';

/** Ships PRIVACY.md as /privacy.html in every build, and lets `browser.runtime.getURL('/privacy.html')` type-check. */
export default defineWxtModule({
  name: 'relay:privacy-page',
  setup(wxt) {
    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      paths.push('privacy.html');
    });
    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      const markdown = readFileSync(resolve(wxt.config.root, 'PRIVACY.md'), 'utf8');
      files.push({ relativeDest: 'privacy.html', contents: privacyPage(markdown) });
    });
  },
});
