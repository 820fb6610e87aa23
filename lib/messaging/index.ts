import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

export type * from './protocol';

/**
 * The one messenger of the extension (pages, content scripts and background). Creating it calls no
 * browser API; listeners are only registered by the background (lib/messaging/handlers.ts).
 */
export const messenger = defineExtensionMessaging<ProtocolMap>();
export const sendMessage = messenger.sendMessage;
