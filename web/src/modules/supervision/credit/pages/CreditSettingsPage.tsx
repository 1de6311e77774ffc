import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CREDIT_BASIS_MAX, CREDIT_GRADES, CREDIT_RECORD_KINDS, type CreditBand, type CreditGrade, type CreditKindRules, formatCreditBand, RANGED_CREDIT_KINDS } from '#server/modules/supervision/contract.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Settings, useCreditSettings, useCreditStreets, useSaveCreditSettings } from '../api.ts';
import { GradeTag, toCenti } from '../components/labels.tsx';

/** 信用规则设置: the street's published credit formula — base, cap, validity, the grade bands and each kind's points and basis. */
export function CreditSettingsPage() {
  const { t } = useTranslation();
  const streets = useCreditStreets();
  const [streetId, setStreetId] = useState<string>();
  const list = streets.data ?? [];
  const chosen = streetId ?? list[0]?.streetId;
  const settings = useCreditSettings(chosen);
  return (
    <>
      <PageHeader
        title={t('supervisionCredit.settings.title')}
        breadcrumb={<Link to="/supervision/credit">{t('supervisionCredit.page.title')}</Link>}
        extra={list.length > 1 && <Select aria-label={t('supervisionCredit.col.street')} value={chosen} onChange={setStreetId} options={list.map((s) => ({ value: s.streetId, label: s.streetName }))} style={{ width: 200 }} />}
      />
      {chosen ? (
        <QueryView query={settings}>{(s) => <SettingsForm key={`${s.streetId}|${s.version}`} settings={s} canEdit={list.find((x) => x.streetId === s.streetId)?.canManage ?? false} />}</QueryView>
      ) : (
        <Alert type="info" title={t('supervisionCredit.settings.noStreet')} />
      )}
    </>
  );
}

/** Points as typed (two decimals) ↔ hundredths. */
const pts = (centi: number | undefined) => (centi === undefined ? undefined : centi / 100);

function SettingsForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveCreditSettings();
  const [base, setBase] = useState(settings.baseCenti / 100);
  const [cap, setCap] = useState(settings.capCenti / 100);
  const [months, setMonths] = useState(settings.validityMonths);
  // Each grade's lower bound (points); C starts at 0 and AAA ends at base + cap, included.
  const [lower, setLower] = useState<Record<CreditGrade, number>>(() => Object.fromEntries(settings.bands.map((b) => [b.grade, b.from / 100])) as Record<CreditGrade, number>);
  const [kinds, setKinds] = useState<CreditKindRules>(settings.kinds);
  const top = toCenti(base) + toCenti(cap);
  const bands: CreditBand[] = CREDIT_GRADES.map((grade, i) => ({ grade, from: grade === 'C' ? 0 : toCenti(lower[grade]), to: i === 0 ? top : toCenti(lower[CREDIT_GRADES[i - 1]!]) }));
  const setRule = (k: keyof CreditKindRules, patch: Partial<CreditKindRules[keyof CreditKindRules]>) => setKinds({ ...kinds, [k]: { ...kinds[k], ...patch } });
  const submit = async () => {
    await save.mutateAsync({ streetId: settings.streetId, baseCenti: toCenti(base), capCenti: toCenti(cap), validityMonths: months, bands, kinds });
    void message.success(t('supervisionCredit.settings.saved'));
  };
  return (
    <Form layout="vertical" disabled={!canEdit} onFinish={submit}>
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('supervisionCredit.settings.readOnly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('supervisionCredit.settings.formula')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('supervisionCredit.settings.formulaHelp')}</Typography.Paragraph>
            <Space wrap>
              <Form.Item label={t('supervisionCredit.settings.base')}>
                <InputNumber aria-label={t('supervisionCredit.settings.base')} min={0} max={1000} precision={2} value={base} onChange={(v) => setBase(v ?? 0)} />
              </Form.Item>
              <Form.Item label={t('supervisionCredit.settings.cap')}>
                <InputNumber aria-label={t('supervisionCredit.settings.cap')} min={0} max={1000} precision={2} value={cap} onChange={(v) => setCap(v ?? 0)} />
              </Form.Item>
              <Form.Item label={t('supervisionCredit.settings.validity')}>
                <InputNumber aria-label={t('supervisionCredit.settings.validity')} min={1} max={120} precision={0} value={months} onChange={(v) => setMonths(v ?? 12)} addonAfter={t('supervisionCredit.settings.months')} />
              </Form.Item>
            </Space>
          </Card>
          <Card title={t('supervisionCredit.settings.bands')}>
            <Typography.Paragraph type="secondary">{t('supervisionCredit.settings.bandsHelp')}</Typography.Paragraph>
            {CREDIT_GRADES.map((g, i) => (
              <Form.Item key={g} label={<GradeTag grade={g} />} extra={formatCreditBand(bands[i]!, top)}>
                <InputNumber
                  aria-label={t('supervisionCredit.settings.from', { grade: g })}
                  min={0}
                  max={1000}
                  precision={2}
                  disabled={g === 'C' || !canEdit}
                  value={g === 'C' ? 0 : lower[g]}
                  onChange={(v) => setLower({ ...lower, [g]: v ?? 0 })}
                  addonBefore={t('supervisionCredit.settings.fromLabel')}
                />
              </Form.Item>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('supervisionCredit.settings.kinds')}>
            <Typography.Paragraph type="secondary">{t('supervisionCredit.settings.kindsHelp')}</Typography.Paragraph>
            {CREDIT_RECORD_KINDS.map((k) => {
              const ranged = (RANGED_CREDIT_KINDS as readonly string[]).includes(k);
              const r = kinds[k];
              return (
                <Card key={k} size="small" type="inner" title={t(`supervisionCredit.kind.${k}`)} style={{ marginBottom: 8 }}>
                  <Space wrap align="start">
                    {ranged ? (
                      <>
                        <Form.Item label={t('supervisionCredit.settings.min')} style={{ marginBottom: 0 }}>
                          <InputNumber aria-label={`${t(`supervisionCredit.kind.${k}`)} ${t('supervisionCredit.settings.min')}`} precision={2} value={pts(r.min)} onChange={(v) => setRule(k, { min: toCenti(v ?? 0) })} />
                        </Form.Item>
                        <Form.Item label={t('supervisionCredit.settings.max')} style={{ marginBottom: 0 }}>
                          <InputNumber aria-label={`${t(`supervisionCredit.kind.${k}`)} ${t('supervisionCredit.settings.max')}`} precision={2} value={pts(r.max)} onChange={(v) => setRule(k, { max: toCenti(v ?? 0) })} />
                        </Form.Item>
                      </>
                    ) : (
                      <Form.Item label={t('supervisionCredit.settings.points')} style={{ marginBottom: 0 }}>
                        <InputNumber aria-label={`${t(`supervisionCredit.kind.${k}`)} ${t('supervisionCredit.settings.points')}`} precision={2} value={pts(r.points)} onChange={(v) => setRule(k, { points: toCenti(v ?? 0) })} />
                      </Form.Item>
                    )}
                    <Form.Item label={t('supervisionCredit.settings.basis')} style={{ marginBottom: 0, minWidth: 320 }}>
                      <Input aria-label={`${t(`supervisionCredit.kind.${k}`)} ${t('supervisionCredit.settings.basis')}`} maxLength={CREDIT_BASIS_MAX} value={r.basis} onChange={(e) => setRule(k, { basis: e.target.value })} />
                    </Form.Item>
                  </Space>
                </Card>
              );
            })}
          </Card>
        </Col>
      </Row>
      {save.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={save.error.message} />}
      {canEdit && (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Typography.Text type="secondary">{t('supervisionCredit.settings.version', { version: settings.version })}</Typography.Text>
        </Space>
      )}
    </Form>
  );
}
