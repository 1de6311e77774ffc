import { TeamOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectFilter } from '../../../../workbench/components/FilterBar.tsx';
import type { DecisionRow } from '../../api.ts';
import { CreateElectionModal } from './CreateElectionModal.tsx';
import '../i18n.ts';

/** The decisions list's 类型 filter and column: a general decision, an owners' committee election, an elevator retrofit. */
export const KIND_FILTER = 'kind';
const KINDS = ['general', 'election', 'elevator'] as const;
const KIND_COLOR: Record<string, string> = { general: 'default', election: 'magenta', elevator: 'cyan' };

export function useKindSelect(): SelectFilter<typeof KIND_FILTER> {
  const { t } = useTranslation();
  return { field: KIND_FILTER, label: t('decisionsElection.kind.column'), options: KINDS.map((k) => ({ value: k, label: t(`decisionsElection.kind.${k}`) })) };
}

export const kindColumn = (t: TFunction) => ({
  title: t('decisionsElection.kind.column'),
  key: 'kind',
  width: 96,
  render: (_: unknown, d: DecisionRow) => <Tag color={KIND_COLOR[d.kind]}>{t(`decisionsElection.kind.${d.kind}`)}</Tag>,
});

/** 发起业委会选举, beside 新建表决. */
export function CreateElectionButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<TeamOutlined />} onClick={() => setOpen(true)}>
        {t('decisionsElection.create.button')}
      </Button>
      <CreateElectionModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
