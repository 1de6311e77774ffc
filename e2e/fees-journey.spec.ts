import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { RESIDENT_PHONE, shot } from './demo.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { noSidewaysScroll, phone, residentSignIn } from './journey-helpers.ts';

/** jsqr is CommonJS with an ES-style default: the function itself at run time, typed as its module here. */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

// The gateway's notification comes from the sandbox's delivery job (every second, over HTTP): allow for it.
const expect = baseExpect.configure({ timeout: 30_000 });

test('an owner pays a bill on a phone in the sandbox, opens the receipt PDF and checks the receipt by its QR code', async ({ browser, baseURL }) => {
  const ownerCtx = await phone(browser);
  const owner = await ownerCtx.newPage();
  await residentSignIn(owner, RESIDENT_PHONE, 30_000);

  // ——— 办事 → 物业费: the bills of his rooms, what is due first. ———
  await owner.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
  await owner.getByRole('link', { name: /^物业费/ }).click();
  await expect(owner).toHaveURL(/\/h5\/fees$/);
  await expect(owner.getByText('待缴合计').first()).toBeVisible();
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('fees-my-bills'), fullPage: true });

  // A bill's lines say how each amount was computed.
  await owner.getByRole('button', { name: '去缴费' }).first().click();
  await expect(owner).toHaveURL(/\/h5\/fees\/pay\?bills=/);
  const payButton = owner.getByRole('button', { name: /^去支付 [\d,]+\.\d{2} 元$/ });
  await expect(payButton).toBeVisible();
  const amount = /去支付 ([\d,]+\.\d{2}) 元/.exec((await payButton.textContent()) ?? '')![1]!;
  await owner.screenshot({ path: shot('fees-pay-confirm'), fullPage: true });
  await payButton.click();

  // ——— The sandbox cashier, as a real gateway's page would stand between. ———
  await expect(owner.getByText('收银台（沙箱）')).toBeVisible();
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('fees-sandbox-cashier'), fullPage: true });
  await owner.getByRole('button', { name: '确认支付' }).click();

  // ——— Back at the merchant: the result waits for the signed notification, then shows the receipt. ———
  await expect(owner).toHaveURL(/\/h5\/fees\/pay\/result\//);
  await expect(owner.getByText('支付成功')).toBeVisible();
  await expect(owner.getByText(`已缴 ${amount} 元`)).toBeVisible();
  const receiptNo = /收据号 (SJ\d{4}-\d{6})/.exec((await owner.getByText(/收据号 SJ/).textContent()) ?? '')![1]!;
  await owner.screenshot({ path: shot('fees-paid'), fullPage: true });
  await owner.getByRole('link', { name: '查看收据' }).click();
  await expect(owner).toHaveURL(/\/h5\/fees\/receipts\/[0-9a-f-]{36}$/);
  const receiptId = owner.url().split('/').pop()!;
  await expect(owner.getByText(receiptNo).first()).toBeVisible();
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('fees-receipt'), fullPage: true });

  // The receipt's PDF, as 下载 PDF asks for it (in a new tab).
  const pdfRequest = ownerCtx.waitForEvent('request', (r) => r.url().includes('/receipt.pdf'));
  await owner.getByRole('button', { name: '下载 PDF' }).click();
  const pdfUrl = (await pdfRequest).url();
  const pdf = await owner.request.get(pdfUrl);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const pdfBytes = await pdf.body();
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfBytes.length).toBeGreaterThan(5_000);

  // ——— Anyone checks it by its QR code: read the code as a phone's camera would, open the page it names, signed out. ———
  const qr = await owner.request.get(`/api/public/fees.receipt/${receiptId}/qr.png`);
  expect(qr.status()).toBe(200);
  const png = PNG.sync.read(await qr.body());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'the QR code reads').not.toBeNull();
  expect(code!.data).toContain(`/h5/p/fees.receipt/${receiptId}`);
  const strangerCtx = await phone(browser);
  const stranger = await strangerCtx.newPage();
  await stranger.goto(new URL(new URL(code!.data, baseURL).pathname, baseURL).toString());
  await expect(stranger.getByText(receiptNo).first()).toBeVisible();
  await expect(stranger.getByText(amount).first()).toBeVisible();
  await expect(stranger.getByText('张明远')).toHaveCount(0);
  await noSidewaysScroll(stranger);
  await stranger.screenshot({ path: shot('fees-receipt-check'), fullPage: true });
  await strangerCtx.close();
  await ownerCtx.close();
});
