import { STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';
import { issueAnswerVerify } from './supervision-rectification.steps.ts';

test('the street issues a rectification notice, the company answers it with a photo, the street verifies and closes it', async ({ browser }) => {
  const { no } = await issueAnswerVerify(browser, { issuerLogin: STREET_OFFICIAL, companyLogin: 'wuye', compoundName: '阳光花园' });
  expect(no).toMatch(/^整改〔\d{4}〕第 \d{3} 号$/);
});
