import { STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';
import { computeAndPublish, residentSeesColour } from './supervision-assessment.steps.ts';
import { issueAnswerVerify } from './supervision-rectification.steps.ts';
import { inspectOnPhone } from './supervision-sheets.steps.ts';

/** The quarter containing today, in China time: the one the inspection counts for and the street publishes. */
function currentQuarter(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
}

/**
 * Supervision end to end (issue 20): an official inspects 阳光花园 on the sheet from a phone, with a photo and a
 * finding; the finding becomes a rectification notice in one step, which the company answers with a photo and the
 * official verifies; the street computes the quarter — the inspection is one of its inputs — and a second official
 * approves publishing the colours; the resident sees the compound's colour on the H5 home.
 */
test('inspection on a phone → notice from the finding, answered and verified → colours computed and published → the resident sees the colour', async ({ browser }) => {
  test.setTimeout(8 * 60_000);
  const { inspectionId, page } = await inspectOnPhone(browser, { login: STREET_OFFICIAL, compoundName: '阳光花园' });

  // The finding's 下发整改通知 opens the notice form filled from it.
  const fromUrl = await page.locator(`a[href*="/supervision/notices/new?inspectionId=${inspectionId}"]`).first().getAttribute('href');
  expect(fromUrl).toContain('indicatorId=');
  const { no } = await issueAnswerVerify(browser, { issuerLogin: STREET_OFFICIAL, companyLogin: 'wuye', compoundName: '阳光花园', fromUrl: fromUrl! });
  expect(no).toMatch(/^整改〔\d{4}〕第 \d{3} 号$/);

  const result = await computeAndPublish(browser, { period: currentQuarter(), compoundName: '阳光花园' });
  await residentSeesColour(browser, result);
});
