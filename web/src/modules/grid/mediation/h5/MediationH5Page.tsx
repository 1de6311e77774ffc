import { Button, Card, DotLoading, ErrorBlock, Form, Input, NoticeBar, Selector, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIATION_CATEGORIES, type MediationCaseStatus } from '#server/modules/grid/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { type Mine, useApply, useMine } from '../api.ts';
import '../i18n.ts';

const SECTION = { fontSize: '1.15em', margin: '16px 0 8px' } as const;
const COLOUR: Record<MediationCaseStatus, string> = { applied: 'warning', accepted: 'primary', in_session: 'primary', agreed: 'success', failed: 'danger', declined: 'default' };

/**
 * 人民调解 (H5): my applications as cards (category, status, the days of sessions — never their notes) and 申请调解 —
 * at my compound, the category as large buttons, what happened, the other side. I am the first party (from my
 * registry record). Phone-first, usable in elderly mode.
 */
export function MediationH5Page() {
  const { t } = useTranslation();
  const q = useMine();
  const [applying, setApplying] = useState(false);
  return (
    <>
      <BackTitle fallback="/services">{t('gridMediation.h5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <div className="gz-padded">
          {q.data.compounds.length === 0 ? (
            <NoticeBar wrap color="info" content={t('gridMediation.h5.noCompound')} />
          ) : applying ? (
            <ApplyForm compounds={q.data.compounds} onDone={() => setApplying(false)} />
          ) : (
            <Button block color="primary" size="large" onClick={() => setApplying(true)}>
              {t('gridMediation.h5.apply')}
            </Button>
          )}
          <h2 style={SECTION}>{t('gridMediation.h5.mine')}</h2>
          {q.data.cases.length === 0 ? (
            <p>{t('gridMediation.h5.none')}</p>
          ) : (
            q.data.cases.map((c) => (
              <Card key={c.id} title={t(`gridMediation.category.${c.category}`)} extra={<Tag color={COLOUR[c.status]}>{t(`gridMediation.status.${c.status}`)}</Tag>} style={{ marginBottom: 12 }} data-testid="mediation-case">
                <div style={{ display: 'grid', gap: 6 }}>
                  <div>
                    {c.no} · {c.placeName} · {formatDate(c.openedAt)}
                  </div>
                  <div>{c.summary}</div>
                  {c.sessionDays.length > 0 && <div>{t('gridMediation.h5.sessions', { days: c.sessionDays.map((d) => formatDate(d)).join('、') })}</div>}
                  {c.declineReason && <div style={{ color: 'var(--adm-color-danger)' }}>{t('gridMediation.h5.declined', { reason: c.declineReason })}</div>}
                </div>
              </Card>
            ))
          )}
        </div>
      )}
    </>
  );
}

interface Values {
  compoundId: string[];
  category: string[];
  summary: string;
  respondentName: string;
  respondentPhone?: string;
  respondentRoom?: string;
}

function ApplyForm({ compounds, onDone }: { compounds: Mine['compounds']; onDone: () => void }) {
  const { t } = useTranslation();
  const apply = useApply();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      await apply.mutateAsync({
        compoundId: v.compoundId[0]!,
        category: v.category[0]!,
        summary: v.summary,
        respondentName: v.respondentName,
        respondentPhone: v.respondentPhone || undefined,
        respondentRoom: v.respondentRoom || undefined,
      });
      Toast.show({ icon: 'success', content: t('gridMediation.h5.submitted') });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Card title={t('gridMediation.h5.apply')}>
      {error && <NoticeBar wrap color="alert" content={error} />}
      <Form
        layout="vertical"
        initialValues={{ compoundId: [compounds[0]!.id], category: ['neighbour'] }}
        onFinish={(v: Values) => void submit(v)}
        footer={
          <Space block direction="vertical">
            <Button block type="submit" color="primary" size="large" loading={apply.isPending}>
              {t('gridMediation.h5.submit')}
            </Button>
            <Button block size="large" onClick={onDone}>
              {t('gridMediation.new.cancel')}
            </Button>
          </Space>
        }
      >
        {compounds.length > 1 && (
          <Form.Item name="compoundId" label={t('gridMediation.h5.compound')} rules={[{ required: true }]}>
            <Selector columns={1} options={compounds.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('gridMediation.h5.category')} rules={[{ required: true }]}>
          <Selector columns={2} options={MEDIATION_CATEGORIES.map((c) => ({ value: c, label: t(`gridMediation.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('gridMediation.h5.summary')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <TextArea rows={4} maxLength={1000} showCount placeholder={t('gridMediation.h5.summaryPlaceholder')} />
        </Form.Item>
        <Form.Item name="respondentName" label={t('gridMediation.h5.respondentName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="respondentPhone" label={t('gridMediation.h5.respondentPhone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('gridMediation.h5.respondentPhone') }]}>
          <Input type="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="respondentRoom" label={t('gridMediation.h5.respondentRoom')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Card>
  );
}
