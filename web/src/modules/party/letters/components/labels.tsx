import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LetterKind, LetterStatus } from '../api.ts';

const STATUS_COLOR: Record<LetterStatus, string> = { draft: 'default', pending_approval: 'orange', sent: 'green', rejected: 'red' };

/** A letter's status as a coloured tag. */
export function StatusTag({ status }: { status: LetterStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`partyLetters.status.${status}`)}</Tag>;
}

/** A letter's kind as a tag (年度函 / 函告). */
export function KindTag({ kind }: { kind: LetterKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'admonition' ? 'volcano' : 'blue'}>{t(`partyLetters.kind.${kind}`)}</Tag>;
}
