import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdoptionRow, useDecide } from '../api.ts';
import { ReasonModal } from './ReasonModal.tsx';

/** The actions on an application or adoption: approve (confirmed), reject or end early (with a reason). */
export function DecisionButtons({ adoption }: { adoption: AdoptionRow }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecide();
  const [asking, setAsking] = useState<'reject' | 'end' | null>(null);
  if (adoption.status !== 'pending' && adoption.status !== 'active') return null;
  return (
    <Space>
      {adoption.status === 'pending' && (
        <>
          <Popconfirm
            title={t('volGreen.actions.approveConfirm')}
            okText={t('volGreen.actions.approve')}
            cancelText={t('volGreen.actions.cancel')}
            onConfirm={async () => {
              try {
                await decide.mutateAsync({ id: adoption.id, action: 'approve' });
                void message.success(t('volGreen.actions.approved'));
              } catch (err) {
                void message.error((err as Error).message);
              }
            }}
          >
            <Button size="small" type="primary">
              {t('volGreen.actions.approve')}
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => setAsking('reject')}>
            {t('volGreen.actions.reject')}
          </Button>
        </>
      )}
      {adoption.status === 'active' && (
        <Button size="small" onClick={() => setAsking('end')}>
          {t('volGreen.actions.end')}
        </Button>
      )}
      {asking && (
        <ReasonModal
          open
          title={t(asking === 'reject' ? 'volGreen.actions.rejectTitle' : 'volGreen.actions.endTitle')}
          onClose={() => setAsking(null)}
          submit={async (reason) => {
            await decide.mutateAsync({ id: adoption.id, action: asking, reason });
            void message.success(t(asking === 'reject' ? 'volGreen.actions.rejected' : 'volGreen.actions.ended'));
          }}
        />
      )}
    </Space>
  );
}
