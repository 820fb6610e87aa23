import type { ExtensionMessage, ExtensionMessenger, GetDataType, GetReturnType } from '@webext-core/messaging';
import type { z } from 'zod';
import { messageSchemas } from './schemas';
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

/**
 * Wrap a handler so it only ever runs for a message from this extension (its pages or its own content
 * scripts: `sender.id` is our id) whose payload matches the schema. Everything else is refused.
 */
export function guard<K extends MessageType>(type: K, extensionId: string, handler: Handlers[K]) {
  const schema: z.ZodType = messageSchemas[type];
  return async (message: IncomingMessage): Promise<GetReturnType<ProtocolMap[K]>> => {
    if (!extensionId || message.sender?.id !== extensionId) {
      throw new RefusedMessage(`Refused "${type}": it did not come from Relay itself.`);
    }
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new RefusedMessage(`Refused "${type}": invalid payload${where} (${issue?.message ?? 'unexpected shape'}).`);
    }
    return handler(parsed.data as GetDataType<ProtocolMap[K]>, message.sender as Sender);
  };
}

/** Register every handler of the protocol (call synchronously at background start-up). */
export function registerHandlers(
  messenger: ExtensionMessenger<ProtocolMap>,
  handlers: Handlers,
  extensionId: string,
): () => void {
  const removers = (Object.keys(handlers) as MessageType[]).map((type) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic call per key; each guard is typed
    messenger.onMessage(type, guard(type, extensionId, handlers[type] as any) as any),
  );
  return () => removers.forEach((remove) => remove());
}
