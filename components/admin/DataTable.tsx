import type { ComponentChildren } from 'preact';

export interface Heading {
  label: string;
  /** Read out but not shown, as for a column of row actions. */
  hidden?: boolean;
  /** Numbers align right. */
  numeric?: boolean;
}

/** A table of records: a caption for assistive technology, one header a column, and the rows as children. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: Array<string | Heading>;
  children: ComponentChildren;
}) {
  return (
    <table class="data">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => {
            const { label, hidden, numeric } = typeof column === 'string' ? { label: column } : column;
            return (
              <th key={i} scope="col" class={numeric ? 'num' : undefined}>
                {hidden ? <span class="visually-hidden">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
