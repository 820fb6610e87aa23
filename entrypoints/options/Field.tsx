interface FieldProps {
  id: string;
  label: string;
  value: string;
  /** The field's new text, and the field itself for a handler that must put other text there. */
  onInput: (value: string, input: HTMLInputElement) => void;
  hint?: string;
  error?: string;
  /** Text typed here may be in any language and script. */
  freeText?: boolean;
  inputMode?: 'numeric' | 'text' | 'url';
  placeholder?: string;
  list?: string;
  autoComplete?: string;
  /** The input's name when it is not its id. */
  name?: string;
  spellcheck?: boolean;
  maxLength?: number;
  /** Enter in this field does this instead of submitting the form (e.g. "Add topic"). */
  onEnter?: () => void;
}

/** A labelled text input whose hint and error are tied to it (aria-describedby), invalid when in error. */
export function Field(p: FieldProps) {
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errorId = `${p.id}-error`;
  const describedBy = [hintId, p.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.name ?? p.id}
        type="text"
        value={p.value}
        onInput={(e) => p.onInput(e.currentTarget.value, e.currentTarget)}
        onKeyDown={
          p.onEnter
            ? (e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                p.onEnter!();
              }
            : undefined
        }
        aria-describedby={describedBy}
        aria-invalid={p.error ? true : undefined}
        dir={p.freeText ? 'auto' : undefined}
        inputMode={p.inputMode}
        placeholder={p.placeholder}
        list={p.list}
        autoComplete={p.autoComplete ?? 'off'}
        maxLength={p.maxLength}
        spellcheck={p.spellcheck}
      />
      {p.hint && (
        <span id={hintId!} class="hint">
          {p.hint}
        </span>
      )}
      {p.error && (
        <span id={errorId} class="field-error">
          {p.error}
        </span>
      )}
    </div>
  );
}

/** Move focus to the first field marked invalid in `form` (after a refused save). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
