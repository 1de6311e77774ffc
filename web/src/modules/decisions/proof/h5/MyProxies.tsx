import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import type { MyDecision } from '../../h5/api.ts';
import type { ProxyStatus } from '../api.ts';
import '../i18n.ts';
import { useRevokeProxy } from './api.ts';
import './proof-h5.css';

type MyProxy = MyDecision['proxies'][number];

const COLOR: Record<ProxyStatus, string> = { pending: 'warning', checked: 'success', rejected: 'danger', revoked: 'default' };

/**
 * 委托投票 on the owner's page: the proxies registered for my home (masked names), so a ballot cast in my name does not
 * go unnoticed, each revocable until the proxy has voted.
 */
export function MyProxies({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const revoke = useRevokeProxy(d.id);
  const proxies = d.proxies;
  if (proxies.length === 0) return null;
  const entryRooms = (entryId: string) => d.entries.find((e) => e.id === entryId)?.rooms.join('，');
  const onRevoke = async (p: MyProxy) => {
    const sure = await Dialog.confirm({
      content: t('decisionsProof.h5.revokeConfirm', { name: p.proxyName }),
      confirmText: t('decisionsProof.h5.revoke'),
      cancelText: t('common.cancel'),
    });
    if (!sure) return;
    try {
      await revoke.mutateAsync(p.id);
      Toast.show({ icon: 'success', content: t('decisionsProof.h5.revoked') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="gz-dec-card" aria-labelledby="gz-dec-proxies">
      <h2 id="gz-dec-proxies">{t('decisionsProof.h5.title')}</h2>
      <p className="gz-dec-hint">{t('decisionsProof.h5.hint')}</p>
      {proxies.map((p) => (
        <div key={p.id} className="gz-proof-proxy">
          <div className="gz-proof-proxy-head">
            <span className="gz-proof-proxy-name">{p.proxyName}</span>
            <Tag color={COLOR[p.status]} fill="outline" className="gz-dec-tag">
              {t(`decisionsProof.h5.status.${p.status}`)}
            </Tag>
          </div>
          {d.entries.length > 1 && <p className="gz-dec-hint">{entryRooms(p.entryId)}</p>}
          <p className="gz-dec-hint">{t('decisionsProof.h5.registeredAt', { at: formatDateTime(p.registeredAt) })}</p>
          {p.canRevoke && (
            <Button block size="large" color="danger" fill="outline" loading={revoke.isPending && revoke.variables === p.id} onClick={() => void onRevoke(p)}>
              {t('decisionsProof.h5.revoke')}
            </Button>
          )}
        </div>
      ))}
    </section>
  );
}
