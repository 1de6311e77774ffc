import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSESSMENT_INPUTS, type AssessmentWeights, type Colour, type ColourBand } from '#server/modules/supervision/contract.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type Settings, useOverview, useSaveSettings, useSettings } from '../api.ts';
import { bandsText, ColourTag, recentQuarters } from '../components/labels.tsx';

/** The colours from the top band down; each band's lower bound is edited, its upper bound is the band above's. */
const ORDER: Colour[] = ['green', 'blue', 'yellow', 'red'];

/** 考评设置: a street's input weights (adding up to 100) and its colour bands (half-open, tiling 0–100). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const overview = useOverview({ placeId: scope?.id, period: recentQuarters(1)[0]! });
  const [streetId, setStreetId] = useState<string>();
  const streets = overview.data?.streets ?? [];
  const chosen = streetId ?? streets[0]?.streetId;
  const settings = useSettings(chosen);
  return (
    <>
      <PageHeader
        title={t('supervisionAssessment.settings.title')}
        breadcrumb={<Link to="/supervision/assessment">{t('supervisionAssessment.page.title')}</Link>}
        extra={
          streets.length > 1 && (
            <Select aria-label={t('supervisionAssessment.settings.street')} value={chosen} onChange={setStreetId} options={streets.map((s) => ({ value: s.streetId, label: s.streetName }))} style={{ width: 200 }} />
          )
        }
      />
      {chosen ? (
        <QueryView query={settings}>{(s) => <SettingsForm key={`${s.streetId}|${s.version}`} settings={s} canEdit={streets.find((x) => x.streetId === s.streetId)?.can.settings ?? false} />}</QueryView>
      ) : (
        <Alert type="info" title={t('supervisionAssessment.settings.noStreet')} />
      )}
    </>
  );
}

function SettingsForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSettings();
  const [weights, setWeights] = useState<AssessmentWeights>(settings.weights);
  // Lower bounds in points (two decimals), from the top band down; red starts at 0.
  const [lower, setLower] = useState<Record<Colour, number>>(() => {
    const out = { green: 90, blue: 80, yellow: 60, red: 0 };
    for (const b of settings.bands) out[b.colour] = b.from / 100;
    return out;
  });
  const total = ASSESSMENT_INPUTS.reduce((s, k) => s + (weights[k] ?? 0), 0);
  const present = ORDER.filter((c) => settings.bands.some((b) => b.colour === c) || c === 'red');
  const bands: ColourBand[] = useMemo(
    () =>
      present.map((colour, i) => ({
        colour,
        from: Math.round(lower[colour] * 100),
        to: i === 0 ? 10000 : Math.round(lower[present[i - 1]!] * 100),
      })),
    [lower, present],
  );
  const name = (c: string) => t(`supervisionAssessment.colour.${c}`);
  const submit = async () => {
    await save.mutateAsync({ streetId: settings.streetId, weights, bands });
    void message.success(t('supervisionAssessment.settings.saved'));
  };
  return (
    <Form layout="vertical" disabled={!canEdit} onFinish={submit}>
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('supervisionAssessment.settings.readOnly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('supervisionAssessment.settings.weights')} extra={<Typography.Text type={total === 100 ? 'success' : 'danger'}>{t('supervisionAssessment.settings.total', { total })}</Typography.Text>}>
            <Typography.Paragraph type="secondary">{t('supervisionAssessment.settings.weightsHelp')}</Typography.Paragraph>
            {ASSESSMENT_INPUTS.map((k) => (
              <Form.Item key={k} label={t(`supervisionAssessment.input.${k}`)} extra={t(`supervisionAssessment.formula.${k}`)}>
                <InputNumber aria-label={t(`supervisionAssessment.input.${k}`)} min={0} max={100} precision={0} value={weights[k]} onChange={(v) => setWeights({ ...weights, [k]: v ?? 0 })} addonAfter="%" />
              </Form.Item>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('supervisionAssessment.settings.bands')}>
            <Typography.Paragraph type="secondary">{t('supervisionAssessment.settings.bandsHelp')}</Typography.Paragraph>
            {present.map((c) => (
              <Form.Item key={c} label={<ColourTag colour={c} />}>
                <InputNumber
                  aria-label={t('supervisionAssessment.settings.from', { colour: name(c) })}
                  min={0}
                  max={100}
                  step={0.01}
                  precision={2}
                  disabled={c === 'red' || !canEdit}
                  value={lower[c]}
                  onChange={(v) => setLower({ ...lower, [c]: v ?? 0 })}
                  addonBefore={t('supervisionAssessment.settings.fromLabel')}
                />
              </Form.Item>
            ))}
            <Alert type="info" title={t('supervisionAssessment.settings.statement')} description={<span data-testid="bands-statement">{bandsText(bands, name)}</span>} />
          </Card>
        </Col>
      </Row>
      {save.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={save.error.message} />}
      {canEdit && (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={total !== 100}>
            {t('common.save')}
          </Button>
          <Typography.Text type="secondary">{t('supervisionAssessment.settings.version', { version: settings.version })}</Typography.Text>
        </Space>
      )}
    </Form>
  );
}
