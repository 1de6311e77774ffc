import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CREDIT_GRADES, type CreditBand, type CreditKindRules, CREDIT_RECORD_KINDS, formatCreditBand, GOOD_CREDIT_KINDS, RANGED_CREDIT_KINDS } from '../supervision.credit.constants.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import { latestCreditSettings } from '../supervision.credit.repository.ts';
import type { CreditSettingsBody } from '../supervision.credit.schemas.ts';
import { checkCreditBands, topOf } from '../supervision.credit.scoring.ts';
import { read, write } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { accountOf, creditStreetFor, holdsAtOrInside } from './credit-access.ts';

const topDown = (bands: CreditBand[]) => CREDIT_GRADES.map((g) => bands.find((b) => b.grade === g)!);

/** The settings as the pages show them: the bands best first, each also as the rules publish it ("[100, 110)"). */
function view(street: { id: string; name: string }, s: Awaited<ReturnType<typeof latestCreditSettings>>) {
  const top = topOf(s);
  return {
    streetId: street.id,
    streetName: street.name,
    ...s,
    topCenti: top,
    bands: topDown(s.bands).map((b) => ({ ...b, label: formatCreditBand(b, top) })),
  };
}
export type CreditSettingsView = ReturnType<typeof view>;

/**
 * A street's credit formula (the defaults, version 0, until first saved): open to whoever reads credit anywhere in
 * the street — the rules a company is graded by are published, as a city's are.
 */
export async function getCreditSettings(ctx: Ctx, streetId: string): Promise<CreditSettingsView> {
  // A company's manager holds creditRead at its compounds, not at the street: the street's rules are open to it too.
  const street = await findPlace(read(ctx), streetId);
  if (!street || !holdsAtOrInside(ctx.actor, 'creditRead', street.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (street.kind !== 'street') throw CreditErrors.NOT_A_STREET();
  return view(street, await latestCreditSettings(read(ctx), street.id));
}

/** Whether a kind's rule cannot stand: good kinds add, bad kinds deduct, a ranged kind has 0 < min ≤ max. */
function kindProblem(kind: (typeof CREDIT_RECORD_KINDS)[number], rule: CreditKindRules[typeof kind]): boolean {
  const good = GOOD_CREDIT_KINDS.includes(kind);
  if ((RANGED_CREDIT_KINDS as readonly string[]).includes(kind)) {
    return rule.points !== undefined || rule.min === undefined || rule.max === undefined || rule.min < 1 || rule.min > rule.max;
  }
  return rule.min !== undefined || rule.max !== undefined || rule.points === undefined || rule.points === 0 || (good ? rule.points < 0 : rule.points > 0);
}

/**
 * Saves a new version of the street's credit formula (SUPERVISION_ROLES.creditManage at the street): base, cap,
 * validity, the grades' bands (tiling [0, base + cap]) and each kind's points and basis. Versions are kept: a grade
 * at an earlier instant is computed with the version in force then, and records keep the points and basis they
 * were made under. A refusal leaves everything as it was.
 */
export async function updateCreditSettings(ctx: Ctx, input: CreditSettingsBody): Promise<CreditSettingsView> {
  const top = topOf(input);
  if (checkCreditBands(input.bands, top)) throw CreditErrors.BANDS_INVALID();
  for (const kind of CREDIT_RECORD_KINDS) if (kindProblem(kind, input.kinds[kind])) throw CreditErrors.POINTS_INVALID({ kind });
  return write(ctx, async (tx) => {
    const street = await creditStreetFor(ctx, tx, input.streetId, 'creditManage');
    // Two saves at once: the second waits and steps the version after the first.
    await sql`select pg_advisory_xact_lock(hashtext(${`sup_credit_settings:${street.id}`}))`.execute(tx);
    const before = await latestCreditSettings(tx, street.id);
    const version = before.version + 1;
    const bands = topDown(input.bands);
    await tx
      .insertInto('sup_credit_settings')
      .values({
        street_id: street.id,
        version,
        base_centi: input.baseCenti,
        cap_centi: input.capCenti,
        validity_months: input.validityMonths,
        bands: JSON.stringify(bands),
        kinds: JSON.stringify(input.kinds),
        updated_by: accountOf(ctx),
        updated_at: ctx.kernel.clock.now(),
      })
      .execute();
    const { version: _v, ...was } = before;
    await audit(tx, ctx, {
      action: 'supervision.credit.settings_updated',
      placeId: street.id,
      subjectType: 'sup_credit_settings',
      subjectId: street.id,
      before: was,
      after: { baseCenti: input.baseCenti, capCenti: input.capCenti, validityMonths: input.validityMonths, bands, kinds: input.kinds },
      detail: { version },
    });
    return view(street, { version, baseCenti: input.baseCenti, capCenti: input.capCenti, validityMonths: input.validityMonths, bands, kinds: input.kinds });
  });
}
