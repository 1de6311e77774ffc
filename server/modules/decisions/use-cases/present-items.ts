import { MATTER_LABELS } from '../decisions.constants.ts';
import { isSpecialMatter } from '../tally.ts';

/** A decision's items as both shells show them: the matter in words and the threshold it sets. */
export function presentItems(items: readonly { no: number; title: string; matter: number; legal_basis: string; description: string; attachments: unknown }[]) {
  return items.map((i) => ({
    no: i.no,
    title: i.title,
    matter: i.matter,
    matterLabel: MATTER_LABELS[i.matter],
    threshold: isSpecialMatter(i.matter) ? ('three_quarters' as const) : ('majority' as const),
    legalBasis: i.legal_basis,
    description: i.description,
    attachments: i.attachments,
  }));
}
