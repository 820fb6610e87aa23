import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** How the background answers this page's sign-in and account requests. */
type Answer = { ok: true } | { ok: false; message: string };

/**
 * One request to the background at a time: `busy` while it runs, `error` the sentence it was refused with (or
 * that the background did not answer). Put `button` on the button that sends it: a disabled button loses focus,
 * and it gets focus back when the request ends so keyboard users stay in place.
 */
export function useRequest() {
  const busy = useSignal(false);
  const error = useSignal('');
  const button = useRef<HTMLButtonElement>(null);
  const wasBusy = useRef(false);

  const now = busy.value;
  useEffect(() => {
    if (wasBusy.current && !now && document.activeElement === document.body) button.current?.focus();
    wasBusy.current = now;
  }, [now]);

  async function send(request: () => Promise<Answer>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = '';
    try {
      const answer = await request();
      if (!answer.ok) error.value = answer.message;
    } catch {
      error.value = t('options.noBackground');
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, button, send };
}
