import { checkPrerequisites } from './browser';

/**
 * Fail once, in one line, when Chromium or the built extension is missing: an instruction, not a stack
 * trace repeated in every test.
 */
export default function globalSetup(): void {
  try {
    checkPrerequisites();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
