import { useComputed, useSignal, type ReadonlySignal } from '@preact/signals';

/** What a form's last save said: saved, not saved, or why not. */
export interface SaveStatus {
  text: string;
  /** Shown as an error. */
  error?: boolean;
}

/**
 * A form's save status, shown until the draft it was about changes: any edit makes a new draft, so no input
 * handler has to clear it.
 */
export function useSaveStatus<D>(draft: ReadonlySignal<D>) {
  const said = useSignal<{ about: D; status: SaveStatus | null } | null>(null);
  const status = useComputed(() => (said.value && said.value.about === draft.value ? said.value.status : null));
  const say = (next: SaveStatus | null) => {
    said.value = { about: draft.peek(), status: next };
  };
  return { status, say };
}
