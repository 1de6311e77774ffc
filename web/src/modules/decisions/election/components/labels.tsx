import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import type { CandidateStatus, VerdictCell } from '../api.ts';
import { useReasonLabel } from '../reason-labels.ts';
import '../i18n.ts';

const STATUS_COLOR: Record<CandidateStatus, string> = {
  nominated: 'default',
  vetting: 'processing',
  returned: 'warning',
  rejected: 'error',
  approved: 'success',
  withdrawn: 'default',
};

export function CandidateStatusTag({ status }: { status: CandidateStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`decisionsElection.status.${status}`)}</Tag>;
}

/** One department's current verdict on one candidate: the tag, and who decided, why and when on hover. A return from an earlier round is greyed: the department must look again. */
export function VerdictTag({ cell }: { cell: VerdictCell | undefined }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  if (!cell?.verdict) return <Tag>{t('decisionsElection.verdict.none')}</Tag>;
  const color = cell.stale ? 'default' : cell.verdict === 'approve' ? 'success' : cell.verdict === 'reject' ? 'error' : 'warning';
  const reason = cell.reasonCode && cell.reasonCode !== 'ok' ? reasonLabel(cell.reasonCode) : null;
  const label = `${t(`decisionsElection.verdict.${cell.verdict}`)}${reason ? `：${reason}` : ''}`;
  const tip = [
    cell.stale ? t('decisionsElection.verdict.stale') : null,
    cell.note,
    cell.byName ? t('decisionsElection.card.verdictBy', { name: cell.byName, at: formatDateTime(cell.at) }) : null,
  ].filter(Boolean);
  return (
    <Tooltip title={tip.length ? tip.map((line) => <div key={line}>{line}</div>) : undefined}>
      <Tag color={color} style={cell.stale ? { opacity: 0.55, textDecoration: 'line-through' } : undefined} tabIndex={0}>
        {label}
      </Tag>
    </Tooltip>
  );
}

/** "3 / 7（42.9%）": a share by its two counts, the percentage from integers, never a float sum. */
export function shareText(t: (key: string, o?: Record<string, unknown>) => string, party: number, total: number): string {
  const permille = total ? Math.round((party * 1000) / total) : 0;
  return t('decisionsElection.result.share', { party, total, pct: total ? `${Math.trunc(permille / 10)}.${permille % 10}%` : '—' });
}


export { useDepartmentKindLabel, useReasonLabel } from '../reason-labels.ts';
