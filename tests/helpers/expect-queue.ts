import { expect, type Page } from '@playwright/test';
import type { ItemCreate } from '../../lib/contract';

/** The popup shows the item: its title, every topic and every suggested caption, text intact. */
export async function expectItemShown(page: Page, item: Pick<ItemCreate, 'title' | 'topics' | 'captions'>): Promise<void> {
  await expect(page.getByText(item.title, { exact: true }).first(), `title "${item.title}"`).toBeVisible();
  for (const topic of item.topics ?? []) {
    const chip = page.getByText(topic, { exact: true }).or(page.getByText(`#${topic}`, { exact: true }));
    await expect(chip.first(), `topic "${topic}" of "${item.title}"`).toBeVisible();
  }
  for (const caption of item.captions) {
    await expect(page.getByText(caption.text, { exact: true }).first(), `caption "${caption.text}"`).toBeVisible();
  }
}
