import { deflateSync, crc32 } from 'node:zlib';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../kernel/context.ts';
import { demoPart, type DemoSeedContext, type Rng } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { periodContaining, type PayoutPeriod } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, type Tx, write } from './supervision.db.ts';
import { CIVILITY_SHEET, CIVILITY_SHEET_NAME, type DemoSection, PROPERTY_SHEET, PROPERTY_SHEET_NAME } from './supervision.sheets.demo-content.ts';
import type { SheetKind } from './supervision.sheets.constants.ts';
import { type ItemEntry, isFinding, scoreInspection } from './use-cases/sheet-score.ts';

const DAY = 86_400_000;

/** What the sheets part hands on to the parts after it (rectification: a finding to issue a notice for). */
export interface DemoInspections {
  propertySheetId: string;
  inspections: { id: string; compoundId: string; period: string; status: 'draft' | 'submitted'; scoreCenti: number | null; findings: string[] }[];
}
export const DEMO_INSPECTIONS = demoPart<DemoInspections>('supervision.inspections');

/**
 * How well each demo compound's company keeps it, by the layout's order (阳光花园 first): spread so the assessment
 * shows every colour — two good, two middling, one poor; the last compound is not inspected this quarter (its
 * inspection input is missing, and its score is partial).
 */
const QUALITY = [0.9, 0.83, 0.72, 0.62, 0.94, 0.55];
const FINDING_NOTES = ['3栋2单元楼道堆放纸箱、旧家具', '地下车库入口照明损坏两处', '东门岗登记本近一周未填写', '2号垃圾分类点满溢，有异味', '中心绿地有黄土裸露约 10 平方米', '消防通道被电动车占用', '电梯轿厢广告框破损', '单元门禁无法关闭'];

/** A small gradient PNG (a stand-in for a phone photo), made without any image library. */
export function demoPhoto(hue: number, width = 96, height = 72): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = (hue * 37 + x * 2) & 0xff;
      raw[o + 1] = (120 + y * 1.5) & 0xff;
      raw[o + 2] = (hue * 91 + (x + y)) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF saying what the document stands for (a record book, a report): plain text, no active content. */
function demoDocument(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function insertSheet(
  tx: Tx,
  s: { streetId: string; kind: SheetKind; name: string; version: number; status: 'draft' | 'active'; appliesFrom: string | null; frozenAt: Date | null; at: Date; by: string | null },
  sections: DemoSection[],
) {
  const id = newId();
  await tx
    .insertInto('sup_sheets')
    .values({ street_id: s.streetId, id, place_id: s.streetId, kind: s.kind, name: s.name, version: s.version, applies_from: s.appliesFrom, status: s.status, is_demo: true, frozen_at: s.frozenAt, created_by: s.by, created_at: s.at, updated_at: s.frozenAt ?? s.at })
    .execute();
  let position = 0;
  for (const [si, sec] of sections.entries()) {
    const sectionId = newId();
    await tx.insertInto('sup_sheet_sections').values({ street_id: s.streetId, id: sectionId, sheet_id: id, position: si + 1, name: sec.name, weight: sec.weight }).execute();
    await tx
      .insertInto('sup_sheet_indicators')
      .values(
        sec.indicators.map((i) => ({
          street_id: s.streetId,
          id: newId(),
          sheet_id: id,
          section_id: sectionId,
          position: ++position,
          code: i.code,
          name: i.name,
          guidance: i.guidance,
          method: i.method,
          max_points: i.maxCenti,
          deduction_points: i.deductionCenti ?? null,
          evidence: i.evidence,
        })),
      )
      .execute();
  }
  return id;
}

/** What an inspector of a compound of quality `q` (0..1) enters for an indicator, and whether its evidence is there. */
function entryFor(rng: Rng, ind: { method: string; maxCenti: number; deductionCenti: number | null; evidence: string }, q: number) {
  const noisy = Math.min(1, Math.max(0, q + (rng.next() - 0.5) * 0.3));
  const awardedCenti = ind.method === 'points' ? Math.round((ind.maxCenti * noisy) / 50) * 50 : null;
  const findings = ind.method === 'deduction' ? Math.max(0, Math.round(((1 - noisy) * ind.maxCenti) / (ind.deductionCenti ?? 100))) : 0;
  const met = ind.method === 'yes_no' ? rng.next() < q + 0.08 : null;
  // Now and then the inspector forgets the photo or the record book: the indicator is then credited 0.
  const evidence = ind.evidence === 'none' ? 'none' : rng.chance(0.93) ? (ind.evidence === 'document' ? 'document' : ind.evidence === 'photo' ? 'photo' : rng.pick(['photo', 'document'] as const)) : 'none';
  return { awardedCenti, findings, met, evidence };
}

/**
 * The sheets part of the demo: the street's property-service sheet v1 (demo content, in force since last quarter —
 * the first version, activated then), a drafted v2 of it, the 有礼小区 civility sheet (54 indicators, active from this
 * quarter); submitted inspections last quarter and this quarter at most compounds, by the street's official and the
 * first community's secretary, with photos and records as evidence, scores spread across the colours; one draft
 * inspection under way. Written directly (scored by the same sheet-score.ts as the use cases): fast.
 */
export async function seedSheets(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; sheets?: number; inspections?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const db = read(kernel);
  if (await db.selectFrom('sup_sheets').select('id').where('street_id', '=', street.street.id).limit(1).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(2020);
  const streetId = street.street.id;
  const official = demo.account('street');
  const secretary = demo.account('shuji');
  const now = demo.now;
  const current = periodContaining('quarter', now);
  const previous = periodContaining('quarter', new Date(current.start.getTime() - 1));
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };

  const photos = await Promise.all([0, 1, 2, 3, 4, 5].map(async (h) => ({ content: demoPhoto(h), key: await kernel.files.put(demoPhoto(h)) })));
  const record = demoDocument('Inspection record - demo');
  const recordKey = await kernel.files.put(record);

  return write(system, async (tx) => {
    const by = official?.id ?? null;
    const propertyV1 = await insertSheet(
      tx,
      { streetId, kind: 'property_service', name: PROPERTY_SHEET_NAME, version: 1, status: 'active', appliesFrom: previous.label, frozenAt: new Date(previous.start.getTime() + 3 * DAY), at: new Date(previous.start.getTime() + DAY), by },
      PROPERTY_SHEET,
    );
    // v2 in preparation: the street adds a waste-transport indicator and moves 5% from 绿化养护 to 环境卫生.
    const v2: DemoSection[] = PROPERTY_SHEET.map((s) =>
      s.name === '环境卫生'
        ? { ...s, weight: s.weight + 5, indicators: [...s.indicators, { code: 'D4', name: '垃圾清运车辆密闭运输，无沿途滴漏', guidance: '现场查看清运过程', method: 'yes_no', maxCenti: 300, evidence: 'photo' }] }
        : s.name === '绿化养护'
          ? { ...s, weight: s.weight - 5 }
          : s,
    );
    await insertSheet(tx, { streetId, kind: 'property_service', name: PROPERTY_SHEET_NAME, version: 2, status: 'draft', appliesFrom: null, frozenAt: null, at: new Date(now.getTime() - 2 * DAY), by }, v2);
    const civilityFrozen = new Date(Math.min(now.getTime() - DAY, current.start.getTime() + 5 * DAY));
    await insertSheet(tx, { streetId, kind: 'civility', name: CIVILITY_SHEET_NAME, version: 1, status: 'active', appliesFrom: current.label, frozenAt: civilityFrozen, at: civilityFrozen, by }, CIVILITY_SHEET);

    const indicators = await tx
      .selectFrom('sup_sheet_indicators')
      .select(['id', 'section_id as sectionId', 'method', 'max_points as maxCenti', 'deduction_points as deductionCenti', 'evidence', 'code'])
      .where('street_id', '=', streetId)
      .where('sheet_id', '=', propertyV1)
      .orderBy('position')
      .execute();
    const sections = await tx.selectFrom('sup_sheet_sections').select(['id', 'weight']).where('street_id', '=', streetId).where('sheet_id', '=', propertyV1).execute();

    const handed: DemoInspections = { propertySheetId: propertyV1, inspections: [] };
    const inspect = async (compound: (typeof street.compounds)[number], period: PayoutPeriod, q: number, at: Date, submitted: boolean) => {
      // The first community's secretary inspects her compounds now and then; the street's official the rest.
      const inspector = compound.communityId === street.communities[0]?.id && secretary && rng.chance(0.5) ? secretary : official;
      if (!inspector) return;
      const id = newId();
      const entries = new Map<string, ItemEntry>();
      const rows = indicators.map((ind) => {
        const e = entryFor(rng, ind, q);
        entries.set(ind.id, { awardedCenti: e.awardedCenti, findings: e.findings, met: e.met, photos: e.evidence === 'photo' ? 1 : 0, documents: e.evidence === 'document' ? 1 : 0 });
        return { ind, e };
      });
      const score = scoreInspection(sections, indicators, entries);
      const credited = new Map(score.items.map((i) => [i.indicatorId, i.creditedCenti]));
      await tx
        .insertInto('sup_inspections')
        .values({
          street_id: streetId,
          id,
          place_id: compound.id,
          company_id: compound.propertyCompanyId,
          sheet_id: propertyV1,
          period: period.label,
          inspector_id: inspector.id,
          inspector_name: inspector.name,
          status: submitted ? 'submitted' : 'draft',
          score_centi: submitted ? score.scoreCenti : null,
          note: submitted ? '现场检查，已向项目负责人反馈问题。' : '',
          started_at: new Date(at.getTime() - 3 * 3_600_000),
          submitted_at: submitted ? at : null,
        })
        .execute();
      const findings: string[] = [];
      for (const { ind, e } of rows) {
        // A draft under way: the first half of the indicators filled in.
        const filled = submitted || rows.findIndex((r) => r.ind.id === ind.id) < rows.length / 2;
        const finding = filled && isFinding(ind, e);
        if (finding && submitted) findings.push(ind.id);
        await tx
          .insertInto('sup_inspection_items')
          .values({
            street_id: streetId,
            inspection_id: id,
            indicator_id: ind.id,
            awarded_points: filled ? e.awardedCenti : null,
            findings: filled ? e.findings : 0,
            met: filled ? e.met : null,
            credited_points: submitted ? credited.get(ind.id)! : null,
            note: finding ? rng.pick(FINDING_NOTES) : '',
            updated_at: at,
          })
          .execute();
        if (filled && e.evidence !== 'none') {
          const photo = rng.pick(photos);
          const isPhoto = e.evidence === 'photo';
          await tx
            .insertInto('sup_inspection_files')
            .values({
              street_id: streetId,
              id: newId(),
              inspection_id: id,
              indicator_id: ind.id,
              kind: isPhoto ? 'photo' : 'document',
              file_key: isPhoto ? photo.key : recordKey,
              file_name: isPhoto ? `现场照片-${ind.code}.png` : `检查记录-${ind.code}.pdf`,
              mime: isPhoto ? 'image/png' : 'application/pdf',
              size_bytes: isPhoto ? photo.content.length : record.length,
              uploaded_by: inspector.id,
              uploaded_at: at,
            })
            .execute();
        }
      }
      handed.inspections.push({ id, compoundId: compound.id, period: period.label, status: submitted ? 'submitted' : 'draft', scoreCenti: submitted ? score.scoreCenti : null, findings });
    };

    const lastQuarterAt = (i: number) => new Date(previous.start.getTime() + (40 + i * 6) * DAY + 10 * 3_600_000);
    const thisQuarterAt = (i: number) => new Date(Math.max(current.start.getTime() + 3_600_000 * (i + 1), now.getTime() - (2 + i) * DAY));
    for (const [i, compound] of street.compounds.entries()) {
      const q = QUALITY[i % QUALITY.length]!;
      await inspect(compound, previous, Math.min(1, q + 0.04), lastQuarterAt(i), true);
      if (i < street.compounds.length - 1) await inspect(compound, current, q, thisQuarterAt(i), true);
    }
    // One inspection under way this quarter, half filled in: the official's to-do on the workbench.
    if (street.compounds[1]) await inspect(street.compounds[1], current, QUALITY[1]!, new Date(now.getTime() - 3_600_000), false);

    await audit(tx, system, { action: 'supervision.sheet.activated', placeId: streetId, subjectType: 'sup_sheet', subjectId: propertyV1, after: { version: 1, appliesFrom: previous.label }, detail: { demo: true, seed: 2020 } });
    demo.put(DEMO_INSPECTIONS, handed);
    return { sheets: 3, inspections: handed.inspections.length };
  });
}
