import { Button, List, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCoefficient, formatYuan } from '#server/modules/decisions/contract.ts';
import type { MyDecision } from '../../h5/api.ts';
import { useMyAffectedObjection } from '../api.ts';
import '../i18n.ts';

/**
 * 我的分摊 on an elevator retrofit's H5 page: my share per room with its floor and coefficient, the rounding rule,
 * the whole stairwell's table (collapsed), and — for an owner the works affect — what the rule lets them do.
 */
export function MyShare({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const e = d.elevator;
  if (!e) return null;
  return (
    <section className="gz-dec-card" aria-labelledby="gz-dec-elevator">
      <h3 id="gz-dec-elevator">{t('decisionsElevator.h5.title')}</h3>
      {e.judgement && (
        <p style={{ fontWeight: 600 }}>{e.judgement.passed ? t('decisionsElevator.judgement.passed') : t(`decisionsElevator.judgement.reason.${e.judgement.reason}`)}</p>
      )}
      {e.costShares.length === 0 ? (
        <p className="gz-dec-hint">{t('decisionsElevator.h5.noShare')}</p>
      ) : (
        e.costShares.map((s) => (
          <p key={s.roomLabel} style={{ fontSize: 16, margin: '4px 0' }}>
            {t('decisionsElevator.h5.line', { room: s.roomLabel, amount: formatYuan(s.shareFen), floor: s.floor, coefficient: formatCoefficient(s.coefficientPermille) })}{' '}
            {s.status !== 'proposed' && <Tag color={s.status === 'due' ? 'success' : 'danger'}>{t(`decisionsElevator.h5.status.${s.status}`)}</Tag>}
          </p>
        ))
      )}
      <p className="gz-dec-hint">{t('decisionsElevator.h5.total', { total: formatYuan(e.totalFen) })}</p>
      <p className="gz-dec-hint">{t('decisionsElevator.rounding')}</p>
      <Button size="small" fill="none" color="primary" onClick={() => setShowTable((v) => !v)}>
        {showTable ? t('decisionsElevator.h5.hideTable') : t('decisionsElevator.h5.showTable')}
      </Button>
      {showTable && (
        <List>
          {e.table.map((s) => (
            <List.Item key={s.roomLabel} extra={`¥${formatYuan(s.shareFen)}`} description={`${s.floor} 楼 · ${formatCoefficient(s.coefficientPermille)}`}>
              {s.roomLabel}
            </List.Item>
          ))}
        </List>
      )}
      {e.affected.length > 0 && <Affected d={d} />}
    </section>
  );
}

function Affected({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const e = d.elevator!;
  const [text, setText] = useState('');
  const object = useMyAffectedObjection(d.id);
  const send = async () => {
    try {
      await object.mutateAsync(text.trim());
      setText('');
      Toast.show({ icon: 'success', content: t('decisionsElevator.h5.objectSent') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div style={{ marginTop: 12 }}>
      <h3>{t('decisionsElevator.h5.affectedTitle')}</h3>
      <p className="gz-dec-hint">{e.affectedRule === 'consent' ? t('decisionsElevator.h5.affectedConsent') : t('decisionsElevator.h5.affectedCompensation')}</p>
      {e.affected.map((a) => (
        <div key={a.id}>
          <p>
            {a.roomLabel}{' '}
            {a.impact.map((i) => (
              <Tag key={i} style={{ marginRight: 4 }}>
                {t(`decisionsElevator.impact.${i}`)}
              </Tag>
            ))}
          </p>
          {a.objection && <p className="gz-dec-hint">{t('decisionsElevator.h5.myObjection', { text: a.objection })}</p>}
          {a.agreement && <p className="gz-dec-hint">{t('decisionsElevator.h5.settled', { amount: formatYuan(a.agreement.amountFen), date: a.agreement.signedOn })}</p>}
        </div>
      ))}
      {e.canObject && (
        <>
          <TextArea placeholder={t('decisionsElevator.h5.objectPlaceholder')} value={text} onChange={setText} maxLength={2000} rows={3} aria-label={t('decisionsElevator.h5.object')} />
          <Button block color="primary" disabled={!text.trim()} loading={object.isPending} onClick={send} style={{ marginTop: 8 }}>
            {t('decisionsElevator.h5.objectSend')}
          </Button>
        </>
      )}
    </div>
  );
}
