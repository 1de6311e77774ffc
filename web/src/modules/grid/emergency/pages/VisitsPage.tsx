import { App, Button, Card, Empty, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MARK_STATUSES, type MarkStatus } from '#server/modules/grid/contract.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useMyVisits } from '../api.ts';
import { useVisit } from '../components/use-visit.ts';
import { HouseholdStatusTag } from '../components/labels.tsx';

const DANGER: Partial<Record<MarkStatus, boolean>> = { needs_help: true };

/**
 * 我的入户排查 (workbench, usable on a 390 px phone): the buildings assigned to me, 「开始入户」 on a household, the
 * checklist and the status as large buttons — the same rules as the H5 (one visitor at a time, the need required).
 */
export function VisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useMyVisits();
  const visit = useVisit({ error: (text) => void message.error(text), warn: (text) => void message.warning(text), done: (text) => void message.success(text) });
  const { open, answers, need } = visit;
  return (
    <>
      <PageHeader title={t('gridEmergency.h5.screeningTitle')} />
      <QueryView query={q}>
        {(data) =>
          data.buildings.length === 0 ? (
            <Empty description={t('gridEmergency.h5.noAssignment')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {data.buildings.map((b) => (
                <Card key={`${b.declarationId}-${b.buildingId}`} title={`${b.placeName} ${b.building}`} size="small">
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {b.households.map((h) => {
                      const free = (h.status === 'pending' || h.status === 'nobody_home') && !h.heldBy;
                      return (
                        <div key={h.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', fontSize: 16, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                          <span style={{ minWidth: 90 }}>
                            {h.unit} {h.room}
                          </span>
                          <HouseholdStatusTag status={h.status} />
                          {h.heldBy && <Typography.Text type="secondary">{t('gridEmergency.screening.heldBy', { name: h.heldBy })}</Typography.Text>}
                          {(free || h.mine) && (
                            <Button type="primary" size="large" style={{ marginLeft: 'auto' }} onClick={() => void visit.start(h, b)}>
                              {h.mine ? t('gridEmergency.h5.continue') : t('gridEmergency.h5.claim')}
                            </Button>
                          )}
                        </div>
                      );
                    })}
                  </Space>
                </Card>
              ))}
            </Space>
          )
        }
      </QueryView>
      <Modal open={!!open} title={open ? `${open.building.building} ${open.house.unit} ${open.house.room}` : ''} footer={null} onCancel={visit.close} destroyOnHidden>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {open.building.questions.map((question, i) => (
              <div key={question}>
                <div>{question}</div>
                <Radio.Group value={answers[String(i)]} onChange={(e) => visit.answer(i, e.target.value as 'yes' | 'no')}>
                  <Radio value="yes">{t('gridEmergency.h5.yes')}</Radio>
                  <Radio value="no">{t('gridEmergency.h5.no')}</Radio>
                </Radio.Group>
              </div>
            ))}
            <Input.TextArea placeholder={t('gridEmergency.h5.needHint')} value={need} onChange={(e) => visit.setNeed(e.target.value)} rows={2} maxLength={300} />
            {MARK_STATUSES.map((s) => (
              <Button key={s} block size="large" danger={DANGER[s]} type={s === 'visited' ? 'primary' : 'default'} loading={visit.marking} onClick={() => void visit.finish(s)}>
                {t(`gridEmergency.status.${s}`)}
              </Button>
            ))}
          </Space>
        )}
      </Modal>
    </>
  );
}
