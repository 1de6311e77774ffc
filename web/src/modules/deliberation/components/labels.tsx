import { Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAGE_STEP, type ItemStage, type SourceKind } from '#server/modules/deliberation/contract.ts';

const STAGE_COLOR: Record<ItemStage, string> = {
  collecting: 'default',
  agenda: 'gold',
  consulting: 'blue',
  awaiting_vote: 'purple',
  executing: 'cyan',
  evaluating: 'geekblue',
  closed: 'green',
  escalated: 'red',
  rejected: 'default',
  merged: 'default',
};

export function StageTag({ stage }: { stage: ItemStage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLOR[stage]}>{t(`deliberation.stage.${stage}`)}</Tag>;
}

export function SourceTag({ kind }: { kind: SourceKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`deliberation.source.${kind}`)}</Tag>;
}

/** The six stages of the procedure, the item's highlighted; a declined or merged item stops at stage 2. */
export function StageSteps({ stage }: { stage: ItemStage }) {
  const { t } = useTranslation();
  const step = STAGE_STEP[stage];
  const stopped = stage === 'rejected' || stage === 'merged' || stage === 'escalated';
  const done = stage === 'closed';
  return (
    <Steps
      size="small"
      current={step - 1}
      status={stopped ? 'error' : done ? 'finish' : 'process'}
      items={[1, 2, 3, 4, 5, 6].map((n) => ({ title: t(`deliberation.step.${n}`) }))}
    />
  );
}

/** Whole days since an instant (the board's "days in stage"). */
export const daysSince = (at: string | null | undefined): number => (at ? Math.max(0, Math.floor((Date.now() - new Date(at).getTime()) / 86_400_000)) : 0);
