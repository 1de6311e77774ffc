import type { Actor } from '../../../kernel/access/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows, type DecisionsPolicy } from '../decisions.policy.ts';
import { type DecisionRow, loadDecisionRow } from '../decisions.repository.ts';
import type { DecisionStatus } from '../decisions.tables.ts';

type Permission = keyof typeof DecisionsPolicy;

/** Status names for messages (the API's own codes stay English). */
export const STATUS_LABEL: Record<DecisionStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'a draft' },
  roll_published: { zh: '名册公示中', en: 'publishing its roll' },
  open: { zh: '表决中', en: 'open' },
  closed: { zh: '已截止', en: 'closed' },
  published: { zh: '结果已公示', en: 'published' },
};

export const wrongStatus = (status: DecisionStatus) => DecisionsErrors.WRONG_STATUS({ status: STATUS_LABEL[status].en, statusZh: STATUS_LABEL[status].zh }, { status });

/** Whether the actor may see the per-owner choices: the owners' committee, the street, or a scrutineer named on it. */
export const seesChoices = (actor: Actor, d: Pick<DecisionRow, 'place_path' | 'scrutineer_ids'>): boolean =>
  allows(actor, 'seeChoices', d.place_path) || d.scrutineer_ids.includes(actor.accountId);

/**
 * Loads a decision for a staff action: one the actor cannot see answers 404 (ids cannot be probed), one they
 * see but may not act on answers 403, a status the action does not take answers 409. Locked when `forUpdate`.
 */
export async function decisionFor(
  db: Executor,
  actor: Actor,
  id: string,
  permission: Permission,
  opts: { forUpdate?: boolean; status?: readonly DecisionStatus[] } = {},
): Promise<DecisionRow> {
  const d = await loadDecisionRow(db, id, opts.forUpdate);
  const visible = d && (allows(actor, 'read', d.place_path) || d.scrutineer_ids.includes(actor.accountId));
  if (!d || !visible) throw DecisionsErrors.DECISION_NOT_FOUND();
  const permitted = permission === 'seeChoices' ? seesChoices(actor, d) : allows(actor, permission, d.place_path);
  if (!permitted) throw CommonErrors.FORBIDDEN();
  if (opts.status && !opts.status.includes(d.status)) throw wrongStatus(d.status);
  return d;
}
