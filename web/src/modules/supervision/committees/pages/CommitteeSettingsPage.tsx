import { Alert, App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMMITTEE_DIMENSIONS, type CommitteeWeights, SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { useMe } from '../../../../shared/session.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type CommitteeSettings, useCommittees, useCommitteeSettings, useSaveCommitteeSettings } from '../api.ts';
import { recentYears } from '../components/labels.tsx';

const STARS = ['5', '4', '3', '2'] as const;

/** 红色业委会设置: a street's five weights (adding up to 100) and the lowest score of each star. */
export function CommitteeSettingsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const committees = useCommittees({ period: recentYears(1)[0]! });
  // The streets: those of the committees the account sees (a secretary's, a member's), else its grants' places.
  const streets = useMemo(() => [...new Set((committees.data ?? []).map((c) => c.streetId))], [committees.data]);
  const fromGrants = me?.grants.filter((g) => (SUPERVISION_ROLES.committeesRate as readonly string[]).includes(g.role) || g.role === 'platform_admin').map((g) => g.placeId) ?? [];
  const chosen = streets[0] ?? fromGrants[0];
  const settings = useCommitteeSettings(chosen);
  return (
    <>
      <PageHeader
        title={t('supervisionCommittees.settings.title')}
        breadcrumb={<Link to="/supervision/committees">{t('supervisionCommittees.page.title')}</Link>}
      />
      {chosen ? <QueryView query={settings}>{(s) => <SettingsForm key={`${s.streetId}|${s.version}`} settings={s} />}</QueryView> : <Alert type="info" title={t('supervisionCommittees.settings.noStreet')} />}
    </>
  );
}

function SettingsForm({ settings }: { settings: CommitteeSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveCommitteeSettings();
  const [weights, setWeights] = useState<CommitteeWeights>(settings.weights);
  const [mins, setMins] = useState<Record<(typeof STARS)[number], number>>(() => ({ '5': settings.starMins['5'] / 100, '4': settings.starMins['4'] / 100, '3': settings.starMins['3'] / 100, '2': settings.starMins['2'] / 100 }));
  const total = COMMITTEE_DIMENSIONS.reduce((s, k) => s + (weights[k] ?? 0), 0);
  const bands = STARS.map((s, i) => ({ star: s, from: mins[s], to: i === 0 ? 100 : mins[STARS[i - 1]!] }));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('supervisionCommittees.settings.version', { name: settings.streetName, version: settings.version })}</Typography.Text>
      <Card title={t('supervisionCommittees.settings.weights')}>
        <Form layout="inline">
          {COMMITTEE_DIMENSIONS.map((d) => (
            <Form.Item key={d} label={t(`supervisionCommittees.dimension.${d}`)}>
              <InputNumber min={0} max={100} precision={0} value={weights[d]} onChange={(v) => setWeights({ ...weights, [d]: v ?? 0 })} addonAfter="%" style={{ width: 120 }} />
            </Form.Item>
          ))}
        </Form>
        <Typography.Text type={total === 100 ? 'success' : 'danger'}>{t('supervisionCommittees.settings.total', { total })}</Typography.Text>
      </Card>
      <Card title={t('supervisionCommittees.settings.stars')}>
        <Typography.Paragraph type="secondary">{t('supervisionCommittees.settings.starsIntro')}</Typography.Paragraph>
        <Form layout="inline">
          {STARS.map((s) => (
            <Form.Item key={s} label={t('supervisionCommittees.stars', { count: Number(s) })}>
              <InputNumber min={0} max={100} precision={2} value={mins[s]} onChange={(v) => setMins({ ...mins, [s]: v ?? 0 })} addonBefore="≥" style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Form>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {bands.map((b) => t(b.star === '5' ? 'supervisionCommittees.settings.bandTop' : 'supervisionCommittees.settings.band', { count: Number(b.star), from: b.from.toFixed(2), to: b.to.toFixed(2) })).join('；')}
          {'；'}
          {t('supervisionCommittees.settings.bandOne', { to: mins['2'].toFixed(2) })}
        </Typography.Paragraph>
      </Card>
      <Button
        type="primary"
        disabled={total !== 100}
        loading={save.isPending}
        onClick={async () => {
          try {
            await save.mutateAsync({ streetId: settings.streetId, weights, starMins: { '5': Math.round(mins['5'] * 100), '4': Math.round(mins['4'] * 100), '3': Math.round(mins['3'] * 100), '2': Math.round(mins['2'] * 100) } });
            void message.success(t('supervisionCommittees.settings.saved'));
          } catch (err) {
            void message.error((err as Error).message);
          }
        }}
      >
        {t('common.save')}
      </Button>
    </Space>
  );
}
