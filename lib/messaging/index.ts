import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

export type * from './protocol';

/**
 * The one messenger of the extension (pages, content scripts and background). Creating it calls no
 * browser API; listeners are only registered by the background (lib/messaging/handlers.ts).
 *
 * Pages and content scripts reach the backend through these messages, so that every request with the token
 * follows the background's rules (a 401 ends the session). Three pages call lib/api themselves, for requests
 * the background has no part in:
 * - the sign-in form asks a typed server which sign-in methods it offers (no token yet);
 * - "Export my data" fetches the server's export into the file the settings page builds and downloads;
 * - the admin console (curators) uses the admin API, which touches nothing the background keeps.
 */
export const messenger = defineExtensionMessaging<ProtocolMap>();
export const sendMessage = messenger.sendMessage;
