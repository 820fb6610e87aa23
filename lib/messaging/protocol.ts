import type { Employee } from '../contract/auth';
import type { Network } from '../contract/common';
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

/** One caption the in-page panel can offer, ready to insert. */
export interface Suggestion {
  itemId: string;
  captionId: string;
  network: Network;
  /** The item's title, for the panel's list. */
  title: string;
  /** The caption with the employee's personal touches (opening line, signature) applied; no link. */
  text: string;
  /** This employee's tracked link for the item on this network. */
  link: string;
  language: string;
  pinned: boolean;
  /** This employee already shared the item on this network (ranked last). */
  shared: boolean;
}

export interface SuggestionsResult {
  connected: boolean;
  /** Best first: pinned and newest, the employee's topics first, already shared last. */
  suggestions: Suggestion[];
}

/** What a content script reports after the person pressed the site's own Post button. */
export interface ShareReport {
  itemId: string;
  captionId?: string;
  network: Network;
  /** The person changed the inserted text before posting. */
  edited: boolean;
  sharedAt: string;
}

export type RecordShareResult = { ok: true; id: string } | { ok: false; message: string };

export interface ProtocolMap {
  connect(data: ConnectRequest): ConnectResult;
  syncNow(): SyncResult;
  getStatus(): RelayStatus;
  disconnect(): { ok: true };
  /** Content scripts: the captions to offer in a composer of this network. */
  getSuggestions(data: { network: Network }): SuggestionsResult;
  /** Content scripts: a share made with a Relay caption (stored in history and the outbox). */
  recordShare(data: ShareReport): RecordShareResult;
}

export type MessageType = keyof ProtocolMap;
