import { expect, type Page } from '@playwright/test';
import type { ItemCreate } from '../../lib/contract';

/**
 * The popup shows the item: its title, every topic and, once its card is unfolded (Personalise), every
 * suggested caption, text intact.
 */
export async function expectItemShown(
  page: Page,
  item: Pick<ItemCreate, 'title' | 'topics' | 'captions'>,
): Promise<void> {
  await expect(page.getByText(item.title, { exact: true }).first(), `title "${item.title}"`).toBeVisible();
  for (const topic of item.topics ?? []) {
    const chip = page.getByText(topic, { exact: true }).or(page.getByText(`#${topic}`, { exact: true }));
    await expect(chip.first(), `topic "${topic}" of "${item.title}"`).toBeVisible();
  }
  const personalise = page
    .getByRole('article', { name: item.title })
    .first()
    .getByRole('button', { name: 'Personalise' });
  if ((await personalise.getAttribute('aria-expanded')) !== 'true') await personalise.click();
  for (const caption of item.captions) {
    await expect(page.getByText(caption.text, { exact: true }).first(), `caption "${caption.text}"`).toBeVisible();
  }
}
