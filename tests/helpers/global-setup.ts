import { checkPrerequisites } from './browser';

/** Fail once, in one line, when Chromium or the built extension is missing, instead of in every test. */
export default function globalSetup(): void {
  checkPrerequisites();
}
