import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { exclusivePartsUnder } from '../../registry/index.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { buildRoll } from '../roll.ts';
import { decisionFor } from './decision-access.ts';
import { elevatorRollPublished } from './elevator-shares.ts';
import { notifyOwners } from './notify-owners.ts';
import { rulesInForce } from './rules-in-force.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Freezes the roll (表决名册) from the registry as it stands today and publishes it to the owners for
 * objections: one entry per head as roll.ts counts them, each with its parts and area, the owners' names
 * masked. Publishing again (before voting opens) takes a fresh snapshot — the registry corrected after an
 * objection — and starts the notice period anew; merges made on the earlier version are recorded in the
 * audit log and must be made again.
 */
export async function publishRoll(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['draft', 'roll_published'] });
    const now = ctx.kernel.clock.now();
    const day = chinaDay(now);
    const parts = await exclusivePartsUnder(tx, d.street_id, d.place_path, day);
    if (parts.length === 0) throw DecisionsErrors.ROLL_EMPTY();
    const roll = buildRoll(parts);
    const byRoom = new Map(parts.map((p) => [p.roomId, p]));

    // No ballot or delivery can exist before voting opens: the earlier version is replaced whole.
    await tx.deleteFrom('dec_roll_parts').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
    await tx.deleteFrom('dec_roll_entries').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();

    const entries = roll.entries.map((e, i) => {
      const names = e.kind === 'developer' ? ['建设单位'] : [...new Set(e.roomIds.flatMap((r) => byRoom.get(r)!.owners.map((o) => (o.personName ? maskName(o.personName) : (o.organisationName ?? '—')))))];
      return { draft: e, row: { street_id: d.street_id, id: newId(), decision_id: d.id, no: i + 1, kind: e.kind, area_centi: e.areaCenti, person_ids: e.personIds, organisation_ids: e.organisationIds, representative_id: e.representativeId, label: names.join('、') } };
    });
    for (let i = 0; i < entries.length; i += 500) await tx.insertInto('dec_roll_entries').values(entries.slice(i, i + 500).map((e) => e.row)).execute();
    const partRows = entries.flatMap(({ draft, row }) =>
      draft.roomIds.map((roomId) => {
        const p = byRoom.get(roomId)!;
        return { street_id: d.street_id, decision_id: d.id, room_id: roomId, entry_id: row.id, area_centi: p.areaCenti, area_source: p.areaSource, use: p.use, room_label: p.label, delivered: p.delivered };
      }),
    );
    for (let i = 0; i < partRows.length; i += 500) await tx.insertInto('dec_roll_parts').values(partRows.slice(i, i + 500)).execute();
    await elevatorRollPublished(tx, d, parts, partRows);

    const rules = await rulesInForce(tx, d.street_id, d.compound_id);
    const objectionUntil = chinaDay(new Date(now.getTime() + rules.settings.noticeDays.value * DAY_MS));
    const version = d.roll_version + 1;
    await tx
      .updateTable('dec_decisions')
      .set({ status: 'roll_published', roll_version: version, roll_published_at: now, objection_until: objectionUntil, total_area_centi: roll.totalAreaCenti, total_heads: roll.totalHeads, updated_at: now })
      .where('street_id', '=', d.street_id)
      .where('id', '=', d.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.roll.published',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { status: d.status, rollVersion: d.roll_version },
      after: { status: 'roll_published', rollVersion: version, totalAreaCenti: roll.totalAreaCenti, totalHeads: roll.totalHeads, parts: parts.length },
    });
    await notifyOwners(tx, ctx, d, 'decisions.roll_published', { until: objectionUntil });
    return { id: d.id, status: 'roll_published' as const, rollVersion: version, totalAreaCenti: roll.totalAreaCenti, totalHeads: roll.totalHeads, objectionUntil };
  });
}

