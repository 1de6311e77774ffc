import { writeFile } from 'node:fs/promises';
import { apiAs, expect as baseExpect, test, staffPage } from './fixtures.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';

/** The demo's open compound vote at 阳光花园 (server/modules/decisions/decisions.seed.ts): 张明远's head is left unvoted. */
const COMPOUND_VOTE = '续筹专项维修资金';
/** Two officials: one enters the paper ballot, the other checks it (the same user may not). */
const ENTERER = 'juweihui';
const CHECKER = 'yeweihui';
/** The smallest PNG there is (1×1, transparent): the server checks a scan by its magic bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// Two officials and an owner on two shells: longer than one page's journey, on two shared cores, where a fresh
// server's first pages (its start-up jobs still running) can take longer than the default 10 s to show.
test.setTimeout(300_000);
const expect = baseExpect.configure({ timeout: 30_000 });


interface SheetRow {
  id: string;
  code: string;
  entryNo: number;
  status: string;
  rooms: string[];
}

test('staff issue and print the paper ballot sheets of a building, enter 张明远’s sheet from its QR code with the scan, a second official checks it, and the owner sees 已计入 on the phone and is told in 消息', async ({ browser, baseURL }, testInfo) => {
  // The owner's side first, through the API: the vote, and his part of the roll (he has not voted in it).
  const owner = await apiAs(baseURL!, RESIDENT_PHONE, DEMO_PASSWORD);
  const mine = (await (await owner.get('/api/me/decisions')).json()) as { items: { id: string; title: string }[] };
  const vote = mine.items.find((d) => d.title === COMPOUND_VOTE)!;
  expect(vote, `the demo's open vote ${COMPOUND_VOTE}`).toBeTruthy();
  const before = (await (await owner.get(`/api/me/decisions/${vote.id}`)).json()) as {
    status: string;
    items: { no: number }[];
    entries: { id: string; no: number; rooms: string[]; representative: boolean; voted: boolean }[];
  };
  await owner.dispose();
  expect(before.status).toBe('open');
  const entry = before.entries.find((e) => e.representative)!;
  expect(entry.voted, 'the demo leaves 张明远 unvoted in the compound vote').toBe(false);
  // A building is the first segment of a room label: "1栋 / 1单元 / 1201" → "1栋".
  const building = entry.rooms[0]!.split('/')[0]!.trim();

  // ——— An official issues the building's sheets and prints them. ———
  const enterer = await staffPage(browser, ENTERER);
  await enterer.goto(`/decisions/${vote.id}`);
  await expect(enterer.getByRole('heading', { name: COMPOUND_VOTE, level: 3 })).toBeVisible();
  const panel = enterer.locator('.ant-card').filter({ has: enterer.getByText('纸质表决票', { exact: true }) });
  await panel.getByRole('tab', { name: '表决票发放' }).click();
  const row = panel.locator('.ant-table-row').filter({ has: enterer.getByRole('cell', { name: building, exact: true }) });
  await row.getByRole('button', { name: '发放表决票' }).click();
  const issue = enterer.getByRole('dialog').filter({ hasText: `为${building}发放表决票？` });
  await expect(issue).toContainText('已发放的不会重复生成');
  await issue.getByRole('button', { name: '发放表决票' }).click();
  // The demo issued every head's sheet already: issuing again is harmless (the note saying so is brief; the dialog closing is not).
  await expect(issue).toBeHidden();
  const pdf = await enterer.request.get(`/api/decisions/${vote.id}/sheets.pdf?building=${encodeURIComponent(building)}`);
  expect(pdf.ok()).toBe(true);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(row.getByRole('link', { name: `打印 ${building}` })).toHaveAttribute('href', /sheets\.pdf\?building=/);

  // His sheet's code, as printed under its QR code; the table finds it by the code too.
  const sheets = (await (await enterer.request.get(`/api/decisions/${vote.id}/sheets`, { params: { pageSize: 200, status: 'issued' } })).json()) as { items: SheetRow[] };
  const sheet = sheets.items.find((s) => s.entryNo === entry.no)!;
  expect(sheet, `a sheet for roll entry ${entry.no}`).toBeTruthy();
  await panel.getByRole('searchbox', { name: '票号、房号或业主' }).first().fill(sheet.code);
  await panel.getByRole('searchbox', { name: '票号、房号或业主' }).first().press('Enter');
  const sheetRow = panel.locator('.ant-table-row').filter({ hasText: sheet.code });
  await expect(sheetRow).toContainText('未录入');
  await expect(sheetRow).toContainText('有效');
  await enterer.screenshot({ path: shot('paper-sheets'), fullPage: true });

  // ——— 录入纸质票: the USB scanner types the QR code's URL and Enter into the focused field. ———
  await panel.getByRole('link', { name: '录入纸质票' }).click();
  await expect(enterer).toHaveURL(new RegExp(`/decisions/${vote.id}/paper$`));
  const scan = enterer.getByLabel('表决票二维码或票号');
  await expect(scan).toBeFocused();
  await enterer.keyboard.type(`${baseURL}/decisions/${vote.id}/paper?sheet=${sheet.code}`);
  await enterer.keyboard.press('Enter');
  const card = enterer.locator('.ant-card').filter({ has: enterer.getByText('表决票', { exact: true }) });
  await expect(card.getByText(sheet.code)).toBeVisible();
  await expect(card).toContainText(entry.rooms[0]!);
  for (const item of before.items) {
    await card.getByRole('radiogroup').nth(item.no - 1).getByText('同意', { exact: true }).click();
  }
  const file = testInfo.outputPath('scan.png');
  await writeFile(file, PNG);
  await card.locator('input[type=file]').setInputFiles(file);
  await enterer.screenshot({ path: shot('paper-entry'), fullPage: true });
  await card.getByRole('button', { name: '提交录入' }).click();
  await expect(enterer.getByRole('alert').filter({ hasText: `已录入表决票 ${sheet.code}` })).toBeVisible();
  await expect(scan).toBeFocused();
  await expect(scan).toHaveValue('');

  // The one who entered it may not check it.
  await enterer.goto(`/decisions/${vote.id}`);
  const own = enterer.locator('.ant-card').filter({ has: enterer.getByText('纸质表决票', { exact: true }) }).locator('.ant-table-row').filter({ hasText: sheet.code });
  await expect(own).toContainText('待核对');
  await expect(own.getByRole('button', { name: '核对' })).toBeDisabled();
  await enterer.context().close();

  // ——— A second official checks it against the scan: it counts. ———
  const checker = await staffPage(browser, CHECKER);
  await checker.goto(`/decisions/${vote.id}`);
  const ballots = checker.locator('.ant-card').filter({ has: checker.getByText('纸质表决票', { exact: true }) });
  await expect(ballots.getByRole('tab', { name: '纸质票核对', selected: true })).toBeVisible();
  const ballotRow = ballots.locator('.ant-table-row').filter({ hasText: sheet.code });
  await ballotRow.getByRole('button', { name: '核对' }).click();
  const check = checker.getByRole('dialog').filter({ hasText: `核对纸质票（${sheet.code}）` });
  await expect(check.getByRole('img', { name: '扫描件' })).toBeVisible();
  await expect(check.getByRole('radio', { name: '一致，确认计入' })).toBeChecked();
  await checker.screenshot({ path: shot('paper-check') });
  await check.getByRole('button', { name: '提交核对' }).click();
  await expect(checker.getByText('已核对，计入表决')).toBeVisible();
  await expect(ballotRow).toContainText('已计入');
  await checker.screenshot({ path: shot('paper-checked'), fullPage: true });
  await checker.context().close();

  // ——— The owner, on a phone: 已计入 on the decision's page, and the message that a ballot was counted for his rooms. ———
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
  await phone.goto('/h5/login');
  await phone.getByLabel('手机号').fill(RESIDENT_PHONE);
  await phone.getByLabel('密码').fill(DEMO_PASSWORD);
  await phone.getByRole('button', { name: '登录' }).click();
  await expect(phone.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  await phone.goto(`/h5/decisions/${vote.id}`);
  const paper = phone.getByRole('region', { name: '我的纸质票和委托投票' });
  await expect(paper.getByText('已计入')).toBeVisible();
  await expect(paper.getByText('纸质表决票')).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: shot('paper-owner-counted'), fullPage: true });
  await phone.goto('/h5/me');
  await phone.getByText('消息', { exact: true }).click();
  await expect(phone.getByRole('heading', { name: '消息', level: 1 })).toBeVisible();
  await expect(phone.locator('.adm-list-item').filter({ hasText: `您的房屋已投票：${COMPOUND_VOTE}` })).toBeVisible();
  await phone.screenshot({ path: shot('paper-owner-inbox') });
  await phone.close();
});
