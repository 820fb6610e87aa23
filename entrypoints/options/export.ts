import type { MyExport } from '@/lib/contract/export';
import type { HistoryRow, OutboxRow } from '@/lib/db';
import { LOCAL_KEYS } from '@/lib/settings/keys';

/**
 * "Export my data": everything Relay keeps about the person, in one JSON document. Local part: the share
 * history, shares still waiting for the server, and settings (never the sign-in token). Server part: its
 * own export (GET /v1/me/export), or a sentence saying why it is missing (offline, not connected).
 */
export interface MyDataExport {
  format: 'relay-my-data';
  version: 1;
  exportedAt: string;
  local: {
    settings: Record<string, unknown>;
    history: HistoryRow[];
    outbox: OutboxRow[];
  };
  server: MyExport | null;
  /** Why `server` is null. */
  serverMissing?: string;
}

/** Settings keys that must never leave the browser in an export. */
export const SECRET_SETTINGS = [LOCAL_KEYS.token] as const;
/**
 * Copies of the company's queue, kept for the popup's first screen: not about the person (the cached queue
 * itself is not exported either).
 */
export const QUEUE_COPIES = [LOCAL_KEYS.queueHead] as const;
const LEFT_OUT: readonly string[] = [...SECRET_SETTINGS, ...QUEUE_COPIES];

export function buildExport(input: {
  settings: Record<string, unknown>;
  history: HistoryRow[];
  outbox: OutboxRow[];
  server: { ok: true; data: MyExport } | { ok: false; reason: string };
  now: number;
}): MyDataExport {
  const settings = Object.fromEntries(Object.entries(input.settings).filter(([key]) => !LEFT_OUT.includes(key)));
  return {
    format: 'relay-my-data',
    version: 1,
    exportedAt: new Date(input.now).toISOString(),
    local: { settings, history: input.history, outbox: input.outbox },
    server: input.server.ok ? input.server.data : null,
    ...(input.server.ok ? {} : { serverMissing: input.server.reason }),
  };
}

/** relay-my-data-2026-11-23.json */
export function exportFileName(now: number): string {
  return `relay-my-data-${new Date(now).toISOString().slice(0, 10)}.json`;
}
