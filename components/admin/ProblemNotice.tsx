import { ProblemError } from '@/lib/api/errors';

export interface ProblemLine {
  key: string;
  text: string;
}

/**
 * A refusal and, below it, the lines or fields it names. The alert region stays in the page when empty, so
 * screen readers announce what appears in it.
 */
export function ProblemNotice({
  message,
  lines,
  label,
}: {
  message: string | null;
  lines: ProblemLine[];
  label?: string;
}) {
  return (
    <div role="alert">
      {message && (
        <div class="notice error">
          <p>{message}</p>
          {lines.length > 0 && (
            <ul aria-label={label}>
              {lines.map((line) => (
                <li key={line.key}>{line.text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The fields the server's refusal named, as "path: message". */
export function refusedFields(failure: unknown): ProblemLine[] {
  return failure instanceof ProblemError
    ? failure.errors.map((e) => ({ key: e.path, text: `${e.path}: ${e.message}` }))
    : [];
}
