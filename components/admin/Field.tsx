import type { ComponentChildren } from 'preact';

interface Props {
  /** The control's id: the child carries it, and `${id}-hint` in its aria-describedby when there is a hint. */
  id: string;
  label: string;
  hint?: string;
  class?: string;
  children: ComponentChildren;
}

/** A form control with its label above and its hint below. */
export function Field({ id, label, hint, class: extra, children }: Props) {
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
