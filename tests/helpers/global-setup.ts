import { checkPrerequisites, makeProfileTemplate } from './browser';
import { buildEditorFixtures } from './editor-fixtures';
import { bundleServer } from './server';

/**
 * Fail once, in one line, when Chromium or the built extension is missing: an instruction, not a stack
 * trace repeated in every test. Then bundle the editor fixture pages (real Draft.js, Quill 1 and 2) and the
 * server once for the whole run, and install the extension once in a profile template; workers see
 * RELAY_FIXTURES_BUILT, RELAY_SERVER_BUNDLE and RELAY_PROFILE_TEMPLATE and reuse them.
 */
export default async function globalSetup(): Promise<void> {
  try {
    checkPrerequisites();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  try {
    await buildEditorFixtures();
    process.env.RELAY_FIXTURES_BUILT = '1';
  } catch (err) {
    console.error(`Could not bundle the editor fixtures (tests/fixtures/editors): ${(err as Error).message}`);
    process.exit(1);
  }
  try {
    await bundleServer();
  } catch (err) {
    console.error(`Could not bundle the server (server/cli.ts): ${(err as Error).message}`);
    process.exit(1);
  }
  try {
    await makeProfileTemplate();
  } catch (err) {
    console.error(`Could not install the extension in a profile template: ${(err as Error).message}`);
    process.exit(1);
  }
}
