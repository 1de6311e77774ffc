import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BallotStatus, Choice, SheetStatus } from '../api.ts';
import '../i18n.ts';

const BALLOT_COLOR: Record<BallotStatus, string> = {
  entered: 'processing',
  mismatched: 'warning',
  held: 'gold',
  counted: 'success',
  invalid: 'error',
  duplicate: 'purple',
  superseded: 'default',
};

/** A paper ballot's status: blue while it waits for a check, orange when the check found a difference, green once counted. */
export function BallotStatusTag({ status, note }: { status: BallotStatus; note?: string | null }) {
  const { t } = useTranslation();
  const tag = <Tag color={BALLOT_COLOR[status]}>{t(`decisionsPaper.ballotStatus.${status}`)}</Tag>;
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
}

export function SheetStatusTag({ status, note }: { status: SheetStatus; note?: string | null }) {
  const { t } = useTranslation();
  const tag = <Tag color={status === 'void' ? 'default' : 'blue'}>{t(`decisionsPaper.sheetStatus.${status}`)}</Tag>;
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
}

const CHOICE_COLOR: Record<Choice, string> = { for: '#389e0d', against: '#cf1322', abstain: '#595959' };

/** The choices on a ballot, item by item: "1 同意　2 反对". */
export function ChoicesText({ choices }: { choices: Record<string, Choice> }) {
  const { t } = useTranslation();
  return (
    <span>
      {Object.entries(choices)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([no, c]) => (
          <span key={no} style={{ marginRight: 10, whiteSpace: 'nowrap' }}>
            {no}. <strong style={{ color: CHOICE_COLOR[c] }}>{t(`decisionsPaper.choice.${c}`)}</strong>
          </span>
        ))}
    </span>
  );
}
