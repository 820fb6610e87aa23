import { Notice } from '@/components/Notice';
import { formatNumber, plural, t } from '@/lib/i18n';
import { DataTable } from './DataTable';
import { useAction } from './use-load';

export interface Column<T> {
  label: string;
  value: (row: T) => string | number;
  /** Numbers align right. */
  numeric?: boolean;
  /** User content (titles, names, topics): any script, any direction. */
  text?: boolean;
}

interface Props<T> {
  caption: string;
  rows: T[];
  columns: Column<T>[];
  /** Downloads the same report as a CSV file. */
  csv: () => Promise<void>;
  /** Long series (a row a day) stay folded until asked for. */
  collapsed?: boolean;
}

/** One analytics report as a table, under its heading and a button that downloads it as CSV. */
export function ReportTable<T>({ caption, rows, columns, csv, collapsed }: Props<T>) {
  const download = useAction();
  const table = (
    <DataTable caption={caption} columns={columns}>
      {rows.map((row, i) => (
        <tr key={i}>
          {columns.map((c) => {
            const value = c.value(row);
            return (
              <td key={c.label} class={c.numeric ? 'num' : undefined} dir={c.text ? 'auto' : undefined}>
                {typeof value === 'number' ? formatNumber(value) : value}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
  return (
    <div class="report">
      <div class="report-head">
        <h4>{caption}</h4>
        <button
          type="button"
          class="button secondary"
          aria-label={t('analytics.downloadCsvOf', { table: caption })}
          onClick={() => void download.run(csv)}
        >
          {t('analytics.downloadCsv')}
        </button>
      </div>
      <Notice role="alert" tone="error">
        {download.error}
      </Notice>
      {rows.length === 0 ? (
        <p class="muted">{t('analytics.nothing')}</p>
      ) : collapsed ? (
        <details>
          <summary>{plural('analytics.showRows', rows.length)}</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </div>
  );
}
