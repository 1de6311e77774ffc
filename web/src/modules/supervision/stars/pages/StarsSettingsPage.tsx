import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type StarSettings, useSaveStarSettings, useStarSettings, useStarStreets } from '../api.ts';
import { scoreText, StarsText, TypeTag } from '../components/labels.tsx';

const LEVELS = ['5', '4', '3', '2'] as const;

/** 有礼小区设置: a street's star bands (the lowest score of each star), the reward per level, the company's cap. */
export function StarsSettingsPage() {
  const { t } = useTranslation();
  const streets = useStarStreets();
  const [streetId, setStreetId] = useState<string>();
  const items = streets.data?.items ?? [];
  const chosen = streetId ?? items[0]?.id;
  const settings = useStarSettings(chosen);
  return (
    <>
      <PageHeader
        title={t('supervisionStars.settings.title')}
        breadcrumb={<Link to="/supervision/stars">{t('supervisionStars.page.title')}</Link>}
        extra={items.length > 1 && <Select aria-label={t('supervisionStars.settings.street')} value={chosen} onChange={setStreetId} options={items.map((s) => ({ value: s.id, label: s.name }))} style={{ width: 200 }} />}
      />
      {chosen ? (
        <QueryView query={settings}>{(s) => <SettingsForm key={`${s.streetId}|${s.version}`} s={s} canEdit={items.find((x) => x.id === s.streetId)?.canManage ?? false} />}</QueryView>
      ) : (
        <Alert type="info" title={t('supervisionStars.settings.noStreet')} />
      )}
    </>
  );
}

function SettingsForm({ s, canEdit }: { s: StarSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveStarSettings();
  const [mins, setMins] = useState<Record<(typeof LEVELS)[number], number>>(() => ({ '5': s.minimums['5'] / 100, '4': s.minimums['4'] / 100, '3': s.minimums['3'] / 100, '2': s.minimums['2'] / 100 }));
  const [rewards, setRewards] = useState<Record<string, number>>(() => Object.fromEntries(Object.entries(s.rewardsFen).map(([k, v]) => [k, v / 100])));
  const [cap, setCap] = useState(s.companyMaxPercent);
  const submit = async () => {
    const c = (v: number) => Math.round(v * 100);
    await save.mutateAsync({
      streetId: s.streetId,
      minimums: { '2': c(mins['2']), '3': c(mins['3']), '4': c(mins['4']), '5': c(mins['5']) },
      rewardsFen: { '1': c(rewards['1'] ?? 0), '2': c(rewards['2'] ?? 0), '3': c(rewards['3'] ?? 0), '4': c(rewards['4'] ?? 0), '5': c(rewards['5'] ?? 0) },
      companyMaxPercent: cap,
    });
    void message.success(t('supervisionStars.settings.saved'));
  };
  return (
    <Form layout="vertical" disabled={!canEdit} onFinish={submit}>
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('supervisionStars.settings.readOnly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('supervisionStars.settings.bands')}>
            <Typography.Paragraph type="secondary">{t('supervisionStars.settings.bandsHelp')}</Typography.Paragraph>
            {LEVELS.map((k) => (
              <Form.Item key={k} label={t('supervisionStars.settings.minimum', { n: Number(k) })}>
                <InputNumber aria-label={t('supervisionStars.settings.minimum', { n: Number(k) })} min={0.01} max={100} precision={2} value={mins[k]} onChange={(v) => setMins({ ...mins, [k]: v ?? 0 })} addonAfter={t('supervisionStars.points')} />
              </Form.Item>
            ))}
            <Table
              size="small"
              rowKey="stars"
              pagination={false}
              dataSource={s.bands}
              columns={[
                { title: t('supervisionStars.col.stars'), dataIndex: 'stars', render: (n: number) => <StarsText stars={n} /> },
                { title: t('supervisionStars.settings.band'), key: 'band', render: (_, b) => (b.stars === 5 ? `[${scoreText(b.from)}, 100]` : `[${scoreText(b.from)}, ${scoreText(b.to)})`) },
                { title: t('supervisionStars.col.type'), dataIndex: 'type', render: (v) => <TypeTag type={v} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('supervisionStars.settings.rewards')}>
            <Typography.Paragraph type="secondary">{t('supervisionStars.settings.rewardsHelp')}</Typography.Paragraph>
            {['5', '4', '3', '2', '1'].map((k) => (
              <Form.Item key={k} label={t('supervisionStars.settings.reward', { n: Number(k) })}>
                <InputNumber aria-label={t('supervisionStars.settings.reward', { n: Number(k) })} min={0} precision={2} style={{ width: 220 }} value={rewards[k]} onChange={(v) => setRewards({ ...rewards, [k]: v ?? 0 })} addonAfter={t('supervisionStars.yuan')} />
              </Form.Item>
            ))}
            <Form.Item label={t('supervisionStars.settings.cap')} extra={t('supervisionStars.settings.capHelp', { cap: s.companyCapPercent })}>
              <InputNumber aria-label={t('supervisionStars.settings.cap')} min={0} max={s.companyCapPercent} precision={0} value={cap} onChange={(v) => setCap(v ?? 0)} addonAfter="%" />
            </Form.Item>
          </Card>
        </Col>
      </Row>
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          {t('supervisionStars.settings.save')}
        </Button>
      )}
    </Form>
  );
}
