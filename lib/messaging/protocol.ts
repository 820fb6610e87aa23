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
  /**
   * The caption with the employee's personal touches (opening line, signature) applied, and the disclosure
   * the curators require on this network added when it was missing; no link.
   */
  text: string;
  /** This employee's tracked link for the item on this network. */
  link: string;
  /**
   * Set when `text` got the curators' disclosure added: the disclosure, and the caption without it, which is
   * inserted instead when the person already typed the disclosure in the composer (so it appears once).
   */
  disclosure?: { added: string; without: string };
  language: string;
  pinned: boolean;
  /** This employee already shared the item on this network (ranked last). */
  shared: boolean;
}

export interface SuggestionsResult {
  connected: boolean;
  /** Best first: pinned and newest, the employee's topics first, already shared last. */
  suggestions: Suggestion[];
  /**
   * Captions left out, among the best ranked, because they hold a term the curators banned (the panel cannot edit a caption, so
   * offering one would be a dead end; the popup names the term and lets the person change it). Absent: none.
   */
  withheld?: number;
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

/** The popup: the person pressed "Share on LinkedIn/X" for a queue item (the share page opened). */
export interface PopupShare {
  itemId: string;
  /** The variant the person started from, when they started from one. */
  captionId?: string;
  network: Network;
  /** The person changed the caption (personal touches alone do not count). */
  edited: boolean;
  /** The text as sent to the share page: caption, then the tracked link. */
  text: string;
}

/** The popup: "Suggest to the queue" for the page in the current tab. */
export interface SuggestPageRequest {
  url: string;
  note?: string;
}
export type SuggestPageResult = { ok: true; alreadySuggested: boolean } | { ok: false; message: string };

/** The options page: the employee's audience per network (null: the benchmark default). */
export interface AudienceUpdate {
  linkedin: number | null;
  x: number | null;
}
/** Saved locally in every case; `sent` says whether the server has it too. */
export type AudienceUpdateResult = { ok: true; sent: true } | { ok: true; sent: false; message: string };

export interface ProtocolMap {
  connect(data: ConnectRequest): ConnectResult;
  /** The options page: single sign-on at this server (the provider's window, then as connect). */
  signInWithSso(data: { serverUrl: string }): ConnectResult;
  syncNow(): SyncResult;
  getStatus(): RelayStatus;
  disconnect(): { ok: true };
  /** Content scripts: the captions to offer in a composer of this network. */
  getSuggestions(data: { network: Network }): SuggestionsResult;
  /** Content scripts: a share made with a Relay caption (stored in history and the outbox). */
  recordShare(data: ShareReport): RecordShareResult;
  /** Content scripts: the panel's "Open Relay" (nothing cached, or not connected): the popup, else it in a tab. */
  openRelay(): { ok: true };
  /** The popup: a share opened from a queue card (history + outbox, delivered at once). */
  recordPopupShare(data: PopupShare): RecordShareResult;
  /** The popup: send a page to the curators (POST /v1/suggestions; the token stays in the background). */
  suggestPage(data: SuggestPageRequest): SuggestPageResult;
  /** The options page: store the audience sizes and send them to the server (PATCH /v1/me). */
  updateAudience(data: AudienceUpdate): AudienceUpdateResult;
}

export type MessageType = keyof ProtocolMap;
