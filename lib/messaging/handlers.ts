import type { ExtensionMessage, ExtensionMessenger, GetDataType, GetReturnType } from '@webext-core/messaging';
import type { z } from 'zod';
import { CONTENT_SCRIPT_ORIGINS, messageAudience, messageSchemas, type MessageAudience } from './schemas';
import type { MessageType, ProtocolMap } from './protocol';

type Sender = ExtensionMessage['sender'];

export type Handlers = {
  [K in MessageType]: (
    data: GetDataType<ProtocolMap[K]>,
    sender: Sender,
  ) => Promise<GetReturnType<ProtocolMap[K]>> | GetReturnType<ProtocolMap[K]>;
};

/** Thrown back to the sender (the messenger serialises it) when a message is refused. */
export class RefusedMessage extends Error {
  override name = 'RefusedMessage';
}

interface IncomingMessage {
  data: unknown;
  sender?: Partial<Sender>;
}

/** This extension, as the guard needs to know it. */
export interface Self {
  /** `browser.runtime.id`. */
  id: string;
  /**
   * Origin of the extension's own pages, from `browser.runtime.getURL('/')` (on Firefox it is a random
   * per-install UUID, not the id).
   */
  origin: string;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Whether a sender (already known to be this extension) may send a message meant for `audience`. */
export function senderFits(audience: MessageAudience, sender: Partial<Sender>, self: Self): boolean {
  // An extension page may sit in a tab (the options page opens in one), so the URL decides, not the tab:
  // only our own pages have URLs under the extension's origin; a content script reports the site's URL.
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  // The frame's own URL when the browser gives it (a content script in a third-party iframe reports that
  // iframe), the tab's otherwise.
  const contentOrigin = originOf(sender.url ?? sender.tab?.url);
  const fromContentScript =
    Boolean(sender.tab) && contentOrigin !== null && CONTENT_SCRIPT_ORIGINS.includes(contentOrigin);
  if (audience === 'page') return fromPage;
  if (audience === 'content') return fromContentScript;
  return fromPage || fromContentScript;
}

/**
 * Wrap a handler so it only ever runs for a message from this extension (`sender.id` is our id), from the
 * kind of context the message is meant for (see messageAudience), whose payload matches the schema.
 * Everything else is refused.
 */
export function guard<K extends MessageType>(type: K, self: Self, handler: Handlers[K]) {
  const schema: z.ZodType = messageSchemas[type];
  const audience = messageAudience[type];
  return async (message: IncomingMessage): Promise<GetReturnType<ProtocolMap[K]>> => {
    const sender = message.sender;
    if (!self.id || !sender || sender.id !== self.id) {
      throw new RefusedMessage(`Refused "${type}": it did not come from Relay itself.`);
    }
    if (!senderFits(audience, sender, self)) {
      throw new RefusedMessage(`Refused "${type}": not accepted from ${sender.tab ? 'a web page' : 'this context'}.`);
    }
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new RefusedMessage(`Refused "${type}": invalid payload${where} (${issue?.message ?? 'unexpected shape'}).`);
    }
    return handler(parsed.data as GetDataType<ProtocolMap[K]>, sender as Sender);
  };
}

/** Register every handler of the protocol (call synchronously at background start-up). */
export function registerHandlers(
  messenger: ExtensionMessenger<ProtocolMap>,
  handlers: Handlers,
  self: Self,
): () => void {
  const removers = (Object.keys(handlers) as MessageType[]).map((type) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic call per key; each guard is typed
    messenger.onMessage(type, guard(type, self, handlers[type] as any) as any),
  );
  return () => removers.forEach((remove) => remove());
}
