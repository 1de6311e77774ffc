import { Button, Dialog, DotLoading, ErrorBlock, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { useAuthoriseTenant, useRevokeTenant, useRoomPayers } from '../api.ts';
import './fees-bills-h5.css';

/** 授权租户代缴: an owner lets a tenant or family member of the room see and pay its bills, or takes it back. */
export function RoomPayersPage() {
  const { t } = useTranslation();
  const { roomId = '' } = useParams();
  const q = useRoomPayers(roomId);
  const grant = useAuthoriseTenant();
  const revoke = useRevokeTenant();
  const fail = (err: unknown) => void Toast.show({ icon: 'fail', content: err instanceof Error ? err.message : String(err) });
  return (
    <>
      <BackTitle fallback="/fees">{t('feesBills.h5.authoriseTitle')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status={q.error instanceof ApiError && q.error.status === 404 ? 'empty' : 'default'} fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <>
        <p className="gz-padded gz-feb-formula">{t('feesBills.h5.authoriseHint')}</p>
        <List header={q.data.roomLabel}>
          {q.data.candidates.length === 0 && <List.Item>{t('feesBills.h5.noCandidates')}</List.Item>}
          {q.data.candidates.map((c) => (
            <List.Item
              key={c.personId}
              description={c.relations.map((r) => t(`feesBills.h5.relation.${r}`)).join('、')}
              extra={
                c.authorisationId ? (
                  <Button
                    size="small"
                    color="danger"
                    fill="outline"
                    loading={revoke.isPending}
                    onClick={async () => {
                      if (!(await Dialog.confirm({ content: t('feesBills.h5.revokeConfirm', { name: c.name }) }))) return;
                      revoke.mutateAsync(c.authorisationId!).catch(fail);
                    }}
                  >
                    {t('feesBills.h5.revoke')}
                  </Button>
                ) : (
                  <Button size="small" color="primary" loading={grant.isPending} onClick={() => {
                      grant.mutateAsync({ roomId, personId: c.personId }).then(() => void Toast.show({ icon: 'success', content: t('feesBills.h5.granted') }), fail);
                    }}>
                    {t('feesBills.h5.grant')}
                  </Button>
                )
              }
            >
              {c.name}
            </List.Item>
          ))}
        </List>
        </>
      )}
    </>
  );
}
