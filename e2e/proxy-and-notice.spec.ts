import { expect, type Page, test, staffPage } from './fixtures.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, STREET_OFFICIAL, shot } from './demo.ts';

/** The demo's owners' committee member (registers) and the residents' committee staff (checks): two people. */
const ORGANISER = 'yeweihui';
const CHECKER = 'juweihui';
/** The demo seed's compound vote at 阳光花园, open now; 张明远 (13800000001) owns 1栋1单元1201 and has not voted. */
const COMPOUND_VOTE = '续筹专项维修资金';
/** A 1×1 PNG: the scan of a signed power of attorney, a receipt, a posting's photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const scan = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });

test.setTimeout(480_000);
/** Uploads, SMS and a reload on two shared cores: more than the default ten seconds at times. */
const slow = expect.configure({ timeout: 30_000 });


async function openDecision(page: Page, title: string) {
  await page.getByRole('navigation', { name: '主菜单' }).getByText('业主表决', { exact: true }).click();
  await page.getByRole('link', { name: title }).click();
  await slow(page.getByRole('heading', { name: title, level: 3 })).toBeVisible();
}

const card = (page: Page, title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });

test('a proxy is registered with its power of attorney, checked by a second person, seen and revoked by the owner; notice is proven by a receipt and a posting', async ({ browser }) => {
  // The organiser registers 李四 as 张明远's proxy, the signed power of attorney attached.
  const organiser = await staffPage(browser, ORGANISER);
  await openDecision(organiser, COMPOUND_VOTE);
  const proxies = card(organiser, '委托投票');
  await slow(proxies.getByText(/每位受托人至多代理 \d+ 户/)).toBeVisible();
  await proxies.getByRole('button', { name: '登记委托' }).click();
  const register = organiser.getByRole('dialog').filter({ hasText: '登记委托投票' });
  await register.getByLabel('委托人（表决名册中的业主）').fill('1栋 / 1单元 / 1201');
  // The roll is searched on the server as one types: wait for the answer to this search, not the list before it.
  const options = organiser.locator('.ant-select-item-option');
  await slow(options).toHaveCount(1);
  await options.filter({ hasText: '1栋 / 1单元 / 1201' }).click();
  await register.getByLabel('受托人姓名').fill('李四');
  await register.getByLabel('受托人手机号').fill('13912345678');
  await register.locator('input[type=file]').setInputFiles(scan('委托书.png'));
  await register.getByRole('button', { name: '登记委托' }).click();
  await slow(register).toBeHidden();
  const row = proxies.locator('.ant-table-row').filter({ hasText: '1201' });
  await slow(row.getByText('待审核')).toBeVisible();
  // Who registered it may not check it.
  await slow(row.getByRole('button', { name: '审核' })).toBeDisabled();
  await slow(row.getByRole('button', { name: '通过' })).toHaveCount(0);
  await organiser.screenshot({ path: shot('proxy-registered'), fullPage: true });

  // A second person checks the power of attorney and accepts it.
  const checker = await staffPage(browser, CHECKER);
  await openDecision(checker, COMPOUND_VOTE);
  const toCheck = card(checker, '委托投票').locator('.ant-table-row').filter({ hasText: '1201' });
  const poa = await toCheck.getByRole('link', { name: '委托书' }).getAttribute('href');
  expect((await checker.request.get(poa!)).ok()).toBe(true);
  await toCheck.getByRole('button', { name: '通过' }).click();
  await checker.getByRole('dialog').filter({ hasText: '审核通过这份委托？' }).getByRole('button', { name: '通过' }).click();
  await slow(toCheck.getByText('已审核')).toBeVisible();

  // Proof of notice: a signed receipt for an owner not reached yet, and a posting with its photo.
  const delivery = card(checker, '送达情况');
  await slow(delivery.getByText('已送达（户）')).toBeVisible();
  const unreached = delivery.locator('.ant-table-row').filter({ has: checker.getByRole('button', { name: '上传签收回执' }) }).first();
  const entryNo = (await unreached.locator('td').first().innerText()).trim();
  await unreached.getByRole('button', { name: '上传签收回执' }).click();
  const receipt = checker.getByRole('dialog').filter({ hasText: '上传签收回执' });
  await receipt.locator('input[type=file]').setInputFiles(scan('回执.png'));
  await receipt.getByRole('button', { name: '上传签收回执' }).click();
  await slow(receipt).toBeHidden();
  // Reached now: off the list of owners not reached; on it again with everyone shown, its receipt linked.
  await delivery.getByRole('checkbox', { name: '只看未送达' }).uncheck();
  const reached = delivery.locator('.ant-table-row').filter({ has: checker.locator('td:first-child', { hasText: new RegExp(`^${entryNo}$`) }) });
  await slow(reached.getByRole('link', { name: /签收/ })).toBeVisible();

  const postings = card(checker, '公告张贴');
  await postings.getByRole('button', { name: '添加张贴记录' }).click();
  const posting = checker.getByRole('dialog').filter({ hasText: '添加张贴记录' });
  await posting.getByLabel('张贴地点').fill('小区南门公告栏');
  await posting.locator('input[type=file]').setInputFiles(scan('张贴.png'));
  await posting.getByRole('button', { name: '保存' }).click();
  await slow(postings.locator('.ant-table-row').filter({ hasText: '小区南门公告栏' })).toBeVisible();
  const [xlsx] = await Promise.all([checker.waitForEvent('download'), delivery.getByRole('link', { name: '导出 xlsx' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await checker.screenshot({ path: shot('proof-of-notice'), fullPage: true });

  // 扫楼: the residents' committee may call an owner; the street official (organiser, not a caller) sees the masked number only.
  await slow(card(checker, '扫楼（未投票业主）').getByRole('button', { name: '拨打' }).first()).toBeVisible();
  const street = await staffPage(browser, STREET_OFFICIAL);
  await openDecision(street, COMPOUND_VOTE);
  await slow(card(street, '扫楼（未投票业主）').getByText(/\d{3}\*{4}\d{4}/).first()).toBeVisible();
  await slow(card(street, '扫楼（未投票业主）').getByRole('button', { name: '拨打' })).toHaveCount(0);

  // The owner sees the proxy on the phone and revokes it before it has voted.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const owner = await phone.newPage();
  await owner.goto('/h5/login');
  await owner.getByLabel('手机号').fill(RESIDENT_PHONE);
  await owner.getByLabel('密码').fill(DEMO_PASSWORD);
  await owner.getByRole('button', { name: '登录' }).click();
  await slow(owner.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  const mine = (await (await owner.request.get('/api/me/decisions')).json()) as { items: { id: string; title: string }[] };
  await owner.goto(`/h5/decisions/${mine.items.find((d) => d.title === COMPOUND_VOTE)!.id}`);
  const mineCard = owner.getByRole('region', { name: '委托投票' });
  await slow(mineCard.getByText('李*')).toBeVisible();
  await slow(mineCard.getByText('已生效')).toBeVisible();
  await owner.screenshot({ path: shot('owner-sees-proxy'), fullPage: true });
  await mineCard.getByRole('button', { name: '撤销委托' }).click();
  await owner.getByRole('dialog').getByRole('button', { name: '撤销委托' }).click();
  await slow(mineCard.getByText('已撤销')).toBeVisible();
  await slow(mineCard.getByRole('button', { name: '撤销委托' })).toHaveCount(0);

  // The organisers see it revoked.
  await checker.reload();
  await slow(checker.getByRole('heading', { name: COMPOUND_VOTE, level: 3 })).toBeVisible();
  await slow(card(checker, '委托投票').locator('.ant-table-row').filter({ hasText: '1201' }).getByText('已撤销')).toBeVisible();

  await phone.close();
  await street.context().close();
  await checker.context().close();
  await organiser.context().close();
});
