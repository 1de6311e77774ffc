import { Button, Card, DotLoading, ErrorBlock, Popup, Radio, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import type { MarkStatus } from '#server/modules/grid/contract.ts';
import { MARK_STATUSES } from '#server/modules/grid/contract.ts';
import { useMyVisits } from '../api.ts';
import { useVisit } from '../components/use-visit.ts';
import '../i18n.ts';

const COLOUR = { pending: 'default', visited: 'success', nobody_home: 'warning', refused: 'default', needs_help: 'danger' } as const;
const BUTTON_COLOUR: Record<MarkStatus, 'success' | 'warning' | 'default' | 'danger'> = { visited: 'success', nobody_home: 'warning', refused: 'default', needs_help: 'danger' };
const BIG = { fontSize: '1.15em', minHeight: 52 } as const;


/**
 * 入户排查 (H5): the buildings assigned to me, each household as a card (unit, room, status); 「开始入户」 claims it for
 * 15 minutes (nobody else may mark it meanwhile), then the checklist (是 / 否 per question) and the status as big
 * buttons: 已入户 / 无人在家 / 拒绝 / 需要帮助 (with the need). Elderly mode: large type, whole-width buttons, no gestures.
 */
export function ScreeningH5Page() {
  const { t } = useTranslation();
  const q = useMyVisits();
  const visit = useVisit({
    error: (content) => Toast.show({ content }),
    warn: (content) => Toast.show({ content }),
    done: (content) => Toast.show({ icon: 'success', content }),
  });
  const { open, answers, need } = visit;

  return (
    <>
      <BackTitle fallback="/">{t('gridEmergency.h5.screeningTitle')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : q.data.buildings.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('gridEmergency.h5.noAssignment')} description={t('gridEmergency.h5.noAssignmentHint')} />
      ) : (
        <div className="gz-padded">
          {q.data.buildings.map((b) => {
            const done = b.households.filter((h) => h.status !== 'pending').length;
            return (
              <section key={`${b.declarationId}-${b.buildingId}`} aria-label={b.building}>
                <h2 style={{ fontSize: '1.2em', margin: '16px 0 8px' }}>
                  {b.placeName} {b.building} · {t('gridEmergency.screening.buildingText', { covered: done, households: b.households.length })}
                </h2>
                {b.households.map((h) => {
                  const free = (h.status === 'pending' || h.status === 'nobody_home') && !h.heldBy;
                  return (
                    <Card key={h.id} style={{ marginBottom: 10 }} data-testid="screening-household">
                      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, fontSize: '1.15em' }}>
                        <span>
                          {h.unit} {h.room}
                        </span>
                        <Tag color={COLOUR[h.status]} style={{ fontSize: '0.9em' }}>
                          {t(`gridEmergency.status.${h.status}`)}
                        </Tag>
                      </div>
                      {h.need && <div style={{ marginTop: 6 }}>{h.need}</div>}
                      {h.heldBy && <div style={{ marginTop: 6, color: 'var(--adm-color-weak)' }}>{t('gridEmergency.screening.heldBy', { name: h.heldBy })}</div>}
                      {(free || h.mine) && (
                        <Button block color="primary" style={{ ...BIG, marginTop: 10 }} loading={visit.claiming.isPending && visit.claiming.variables === h.id} onClick={() => void visit.start(h, b)}>
                          {h.mine ? t('gridEmergency.h5.continue') : t('gridEmergency.h5.claim')}
                        </Button>
                      )}
                    </Card>
                  );
                })}
              </section>
            );
          })}
        </div>
      )}
      <Popup visible={!!open} onMaskClick={visit.close} bodyStyle={{ maxHeight: '90vh', overflowY: 'auto', padding: 16 }}>
        {open && (
          <div style={{ fontSize: '1.1em' }}>
            <h2 style={{ fontSize: '1.25em', marginTop: 0 }}>
              {open.building.building} {open.house.unit} {open.house.room}
            </h2>
            {open.building.questions.map((question, i) => (
              <div key={question} style={{ marginBottom: 12 }}>
                <div style={{ marginBottom: 6 }}>{question}</div>
                <Radio.Group value={answers[String(i)]} onChange={(v) => visit.answer(i, v as 'yes' | 'no')}>
                  <Space style={{ '--gap': '24px' }}>
                    <Radio value="yes">{t('gridEmergency.h5.yes')}</Radio>
                    <Radio value="no">{t('gridEmergency.h5.no')}</Radio>
                  </Space>
                </Radio.Group>
              </div>
            ))}
            <TextArea placeholder={t('gridEmergency.h5.needHint')} value={need} onChange={visit.setNeed} rows={2} maxLength={300} style={{ border: '1px solid var(--adm-color-border)', padding: 8, marginBottom: 12 }} />
            <Space direction="vertical" block>
              {MARK_STATUSES.map((s) => (
                <Button key={s} block color={BUTTON_COLOUR[s]} style={BIG} loading={visit.marking} onClick={() => void visit.finish(s)}>
                  {t(`gridEmergency.status.${s}`)}
                </Button>
              ))}
              <Button block fill="none" style={BIG} onClick={visit.close}>
                {t('gridEmergency.h5.later')}
              </Button>
            </Space>
          </div>
        )}
      </Popup>
    </>
  );
}
