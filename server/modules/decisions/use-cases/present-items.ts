import { MATTER_LABELS } from '../decisions.constants.ts';
import type { ItemAttachment } from '../decisions.tables.ts';
import { isSpecialMatter } from '../tally.ts';

/** A decision's items as both shells show them: the matter in words and the threshold it sets. */
export function presentItems(items: readonly { no: number; title: string; matter: number; legal_basis: string; description: string; attachments: ItemAttachment[] }[]) {
  return items.map((i) => ({
    no: i.no,
    title: i.title,
    matter: i.matter,
    matterLabel: MATTER_LABELS[i.matter],
    threshold: isSpecialMatter(i.matter) ? ('three_quarters' as const) : ('majority' as const),
    legalBasis: i.legal_basis,
    description: i.description,
    // The store's key stays on the server: the documents are fetched by their id.
    attachments: i.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size })),
  }));
}
