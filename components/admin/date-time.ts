import { formatDate } from '@/lib/i18n';

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** Date and time to the second, as toLocaleString() writes them, in the shown language. */
export const dateTime = (iso: string) => formatDate(iso, DATE_TIME);
