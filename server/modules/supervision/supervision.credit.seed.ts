import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { type CreditKindRules, DEFAULT_CREDIT_SETTINGS } from './supervision.credit.constants.ts';
import { read } from './supervision.db.ts';
import { addCreditRecord } from './use-cases/add-credit-record.ts';
import { applyCreditRepair } from './use-cases/apply-credit-repair.ts';
import { decideCreditRepair } from './use-cases/decide-credit-repair.ts';
import { syncCreditRecords } from './use-cases/sync-credit-records.ts';
import { updateCreditSettings } from './use-cases/update-credit-settings.ts';

const DAY = 86_400_000;
/** The same actor at an earlier moment: the use cases read "now" from the kernel's clock. */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/**
 * The credit part's demo, after the assessment published last quarter and the rectification part's notices ran
 * overdue and were sent back: the street's formula at the defaults with its own rules' clauses (saved half a year
 * ago), the automatic records synced; a complaint upheld against 锦华物业 two months ago, repaired last month on
 * wuye's application (approved by the street); an award to the second company and a complaint upheld against the
 * third; and wuye's application to repair one of 锦华's current bad records, waiting for the street — so the
 * companies' grades differ and the street has one to review. A no-op once the settings exist.
 */
export async function seedCredit(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; records?: number }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  const wuye = await demo.as('wuye');
  if (!street || !official || !wuye) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  if (await read(kernel).selectFrom('sup_credit_settings').select('street_id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };

  const now = demo.now.getTime();
  const ago = (days: number, hours = 10) => new Date(Date.parse(`${chinaDay(new Date(now - days * DAY))}T00:00:00+08:00`) + hours * 3_600_000);
  const rules = `《${street.street.name}物业服务企业信用评价办法》`;
  const clause = (article: string, item: string) => `${rules}第${article}条第（${item}）项`;
  const kinds: CreditKindRules = {
    assessment_green: { points: 500, basis: clause('八', '一') },
    assessment_blue: { points: 200, basis: clause('八', '二') },
    award: { min: 200, max: 1000, basis: clause('八', '三') },
    assessment_yellow: { points: -300, basis: clause('九', '一') },
    assessment_red: { points: -1000, basis: clause('九', '二') },
    notice_overdue: { points: -500, basis: clause('九', '三') },
    notice_reissued: { points: -300, basis: clause('九', '四') },
    complaint_upheld: { points: -200, basis: clause('九', '五') },
  };
  const d = DEFAULT_CREDIT_SETTINGS;
  await updateCreditSettings(at(official, ago(180)), { streetId, baseCenti: d.baseCenti, capCenti: d.capCenti, validityMonths: d.validityMonths, bands: d.bands, kinds });

  const companies = [...new Set(street.compounds.map((c) => c.propertyCompanyId).filter((x): x is string => !!x))];
  const jinhua = street.compounds[0]!.propertyCompanyId!;
  const [second, third] = companies.filter((c) => c !== jinhua);

  // Two months ago: a complaint upheld against 锦华; it rectified, applied, and the street approved last month.
  const complaint = await addCreditRecord(at(official, ago(62)), { companyId: jinhua, kind: 'complaint_upheld', note: '业主投诉3栋电梯多次困人未及时处置，经核查属实。' }, []);
  const repaired = await applyCreditRepair(
    at(wuye, ago(45, 15)),
    complaint.id,
    { statement: '已更换3栋电梯主板并与维保单位签订2小时到场协议，近一个月无困人事件，附整改报告。' },
    [],
  );
  await decideCreditRepair(at(official, ago(36, 16)), repaired.id, { decision: 'approve', reason: '经现场核查整改到位，维保协议已备案，同意修复。' });
  if (second) await addCreditRecord(at(official, ago(50)), { companyId: second, kind: 'award', pointsCenti: 600, note: '获评市级“红色物业”示范项目。' }, []);
  if (third) await addCreditRecord(at(official, ago(24)), { companyId: third, kind: 'complaint_upheld', note: '垃圾清运不及时，经12345工单核查属实。' }, []);

  // The published quarter's colours and the notices that ran overdue or were sent back.
  await syncCreditRecords(official, { streetId });

  // wuye asks to repair one of 锦华's counting bad records (a notice sent back, else any other).
  const bad = await read(kernel)
    .selectFrom('sup_credit_records')
    .select(['id', 'kind'])
    .where('street_id', '=', streetId)
    .where('company_id', '=', jinhua)
    .where('points_centi', '<', 0)
    .where('repaired_at', 'is', null)
    .where('expires_at', '>', demo.now)
    .orderBy('source_type', 'desc')
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const target = bad?.id ?? (await addCreditRecord(at(official, ago(12)), { companyId: jinhua, kind: 'complaint_upheld', note: '小区南门道闸长期故障，业主投诉属实。' }, [])).id;
  await applyCreditRepair(wuye, target, { statement: '已按通知要求完成整改并经业委会确认，附整改前后照片说明，申请信用修复。' }, []);

  const records = await read(kernel).selectFrom('sup_credit_records').select((eb) => eb.fn.countAll<number>().as('n')).where('street_id', '=', streetId).executeTakeFirstOrThrow();
  return { records: Number(records.n) };
}
