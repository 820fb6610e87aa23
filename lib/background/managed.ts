import { storage } from 'wxt/utils/storage';
import { getConnection, markSessionEnded, presetTopicsItem, storedTopics, topicsItem } from '../settings';
import type { ManagedSettings } from '../settings/managed';

/**
 * The company's policy applied to what is stored, at start and whenever it changes. A policy naming another
 * server than the one signed in to (IT moved the company to a new server) ends that session: the person signs
 * in to the company's server, keeping what waits in the outbox.
 */
export async function applyManaged(settings: ManagedSettings): Promise<void> {
  const connection = await getConnection();
  if (connection && settings.serverUrl && settings.serverUrl !== connection.serverUrl)
    await markSessionEnded(connection.token);
  await presetTopics(settings.defaultTopics);
}

/**
 * The company's default topics become the person's while they have not chosen their own (none stored, or still
 * the preset last written); a choice the person made is never overwritten.
 */
async function presetTopics(defaults: string[]): Promise<void> {
  if (defaults.length === 0) return;
  const [chosen, preset] = await Promise.all([storedTopics(), presetTopicsItem.getValue()]);
  const untouched = chosen === null || (preset !== null && sameTopics(chosen, preset));
  if (!untouched || (chosen !== null && sameTopics(chosen, defaults))) return;
  await storage.setItems([
    { item: topicsItem, value: defaults },
    { item: presetTopicsItem, value: defaults },
  ]);
}

const sameTopics = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((topic, i) => topic === b[i]);
