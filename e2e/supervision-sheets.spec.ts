import { STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';
import { inspectOnPhone } from './supervision-sheets.steps.ts';

test('an official inspects 阳光花园 on a phone: every indicator, a finding, a photo; the score after submitting', async ({ browser }) => {
  const { inspectionId, score, page } = await inspectOnPhone(browser, { login: STREET_OFFICIAL, compoundName: '阳光花园' });
  expect(inspectionId).toMatch(/^[0-9a-f-]{36}$/);
  expect(Number(score)).toBeGreaterThan(0);
  expect(Number(score)).toBeLessThan(100);
  // The list shows it, submitted, with the same score.
  await page.goto('/supervision/inspections?status=submitted&sort=startedAt&order=desc');
  await expect(page.getByRole('row').filter({ hasText: '阳光花园' }).filter({ hasText: score }).first()).toBeVisible();
});
