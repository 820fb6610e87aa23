import type { Employee } from '../contract/auth';
import type { LastSync } from '../settings';
import type { SyncResult } from '../sync';

/*
 * The messages pages and content scripts send to the background, and what each answers.
 * Types only: importing this costs a page nothing. The background checks every payload at run time
 * against lib/messaging/schemas.ts before a handler sees it.
 */

export interface ConnectRequest {
  /** As the person typed it; the background normalises it. */
  serverUrl: string;
  code: string;
}

export type ConnectResult =
  | {
      ok: true;
      employee: Employee;
      /** Items in the cache after the first sync. */
      items: number;
      /** Set when connecting worked but the first sync did not. */
      syncError?: string;
    }
  | { ok: false; message: string };

export interface RelayStatus {
  connected: boolean;
  serverUrl: string | null;
  employee: Employee | null;
  lastSync: LastSync | null;
  items: number;
}

export interface ProtocolMap {
  connect(data: ConnectRequest): ConnectResult;
  syncNow(): SyncResult;
  getStatus(): RelayStatus;
  disconnect(): { ok: true };
}

export type MessageType = keyof ProtocolMap;
