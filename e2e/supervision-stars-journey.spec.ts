import { RESIDENT_PHONE } from './demo.ts';
import { test } from './fixtures.ts';
import { allocateReward, assessorScores, starOnPublicListAndHome, streetConfirms } from './supervision-stars.steps.ts';

/**
 * 有礼小区 end to end (issue 21): the third-party assessor `pinggu` scores 阳光花园 — the demo's application assigned
 * to them — on a laptop with evidence per indicator; `street` asks to confirm the star and `street2` approves; the
 * reward's allocation is refused with the company at 31% and recorded at 30%; the star shows on the street's public
 * list and on 13800000001's H5 home.
 */
test('assessor scores with evidence → the street confirms with a second official → allocation refused at 31%, recorded at 30% → the star on the public list and the home', async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const compoundName = '阳光花园';
  const { applicationId } = await assessorScores(browser, { login: 'pinggu', compoundName });
  await streetConfirms(browser, { applicationId, compoundName });
  await allocateReward(browser, { applicationId });
  await starOnPublicListAndHome(browser, { compoundName, resident: RESIDENT_PHONE });
});
