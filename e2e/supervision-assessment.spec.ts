import { test } from './fixtures.ts';
import { computeAndPublish, residentSeesColour } from './supervision-assessment.steps.ts';

/** The quarter the demo computed as a draft: the one containing today, in China time. */
function currentQuarter(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
}

test("the street computes this quarter's colours, a second official approves their publication, the resident sees 阳光花园's colour", async ({ browser }) => {
  const result = await computeAndPublish(browser, { period: currentQuarter() });
  await residentSeesColour(browser, result);
});
