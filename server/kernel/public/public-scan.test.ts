import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicPayload } from './payload.ts';
import { declaredPathOf, scanForPersonalData } from './public-scan.ts';

const page = (items: { title: string; text?: string; by?: string }[], extra = ''): PublicPayload => ({
  title: '阳光花园 意见公示',
  place: '安和街道 / 和平社区 / 阳光花园',
  updatedAt: '2026-03-01T02:00:00.000Z',
  sections: [
    { kind: 'text', text: `本小区共收到意见 12 条，已答复 10 条。${extra}` },
    { kind: 'list', items },
  ],
});
const fullNames = ['王丽华', '李明', '欧阳娜娜'];
const maskedNames = ['sections[].items[].by'];
const kinds = (payload: unknown, opts = { fullNames, maskedNames }) => scanForPersonalData(payload, opts).map((f) => `${f.kind}@${f.path}`);

test('a clean page with masked names at the declared path passes', () => {
  assert.deepEqual(kinds(page([{ title: '楼道灯坏了', by: '王**' }, { title: '电梯异响', by: '李*' }, { title: '无名', by: '' }])), []);
});

test('a mobile number is found, written plain, with spaces or with dashes; masked or longer digit runs are not', () => {
  for (const phone of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 19912345678']) {
    assert.deepEqual(kinds(page([{ title: `请联系 ${phone} 处理` }])), ['phone@sections[1].items[0].title'], phone);
  }
  for (const fine of ['138****5678', '12812345678', '2026-03-01', '订单 R202603010001', '1381234567', '138123456789']) {
    assert.deepEqual(kinds(page([{ title: fine }])), [], fine);
  }
});

test('a record id in a link is not a phone number, though its digits could read as one', () => {
  // A UUIDv7 the demo once made: "…-f139-7016-9227-…" reads as 139 7016 9227.
  const link = '/h5/p/repairs.service/01a23544-f139-7016-9227-d99e5e735fd3';
  assert.deepEqual(scanForPersonalData({ links: { page: link } }), []);
  assert.equal(scanForPersonalData({ text: `${link} 联系 139-7016-9227` })[0]?.kind, 'phone', 'a real number beside it is still found');
});

test('a ballot board’s receipts and hashes are not phone numbers, though their digits could read as one', () => {
  // A receipt the CI run once drew: "…-1472-1106-3809" reads as 147 2110 6380.
  for (const text of ['9a1c-1472-1106-3809', `${'1'.repeat(1)}3800138000${'a'.repeat(53)}`, '13800138 000aaaaa bbbbbbbb cccccccc dddddddd eeeeeeee ffffffff 00000000']) {
    assert.deepEqual(scanForPersonalData({ text }), [], text);
  }
  assert.equal(scanForPersonalData({ text: '9a1c-1472-1106-3809 联系 138-0013-8000' })[0]?.kind, 'phone', 'a real number beside one is still found');
});

test('an ID number is found: 18 digits (X last too) and the old 15; not inside longer runs', () => {
  for (const id of ['110101199003071234', '11010119900307123X', '110101900307123']) {
    assert.deepEqual(kinds(page([], `身份证 ${id}`)), ['id_number@sections[0].text'], id);
  }
  assert.deepEqual(kinds(page([], '编号 1101011990030712345')), [], '19 digits is no ID number');
});

test("a registry person's full name is found anywhere, undeclared", () => {
  assert.deepEqual(kinds(page([{ title: '感谢李明师傅' }])), ['full_name@sections[1].items[0].title']);
  assert.deepEqual(kinds(page([{ title: '好', text: '欧阳娜娜反映' }])), ['full_name@sections[1].items[0].text']);
  // Names shorter than two characters would match everywhere: they are not searched for.
  assert.deepEqual(scanForPersonalData(page([{ title: '王' }]), { fullNames: ['王'], maskedNames }), []);
});

test('a full name at a declared masked-name path still fails: declared paths hold masked names only', () => {
  assert.deepEqual(kinds(page([{ title: '楼道灯坏了', by: '王丽华' }])), ['full_name@sections[1].items[0].by', 'not_masked@sections[1].items[0].by']);
  // Even a name the scanner does not know: what stands there must look masked.
  assert.deepEqual(kinds(page([{ title: '楼道灯坏了', by: '张三丰' }])), ['not_masked@sections[1].items[0].by']);
});

test('a masked name where the page declared none fails', () => {
  assert.deepEqual(kinds(page([{ title: '王*反映楼道灯坏了' }])), ['masked_name_undeclared@sections[1].items[0].title']);
  assert.deepEqual(kinds(page([{ title: 'x', by: '王*' }]), { fullNames, maskedNames: [] }), ['masked_name_undeclared@sections[1].items[0].by']);
});

test('declared paths are written with [] for any index', () => {
  assert.equal(declaredPathOf('sections[12].items[3].by'), 'sections[].items[].by');
  assert.equal(declaredPathOf('title'), 'title');
});
