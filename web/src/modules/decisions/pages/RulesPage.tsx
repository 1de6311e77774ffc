import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { PlaceTreeSelect, usePlace } from '../../registry/index.ts';
import { mayDecisions, type RulesList, type RulesSettings, type RulesVersion, useRules, useRulesStep } from '../api.ts';
import { DraftRulesModal } from '../components/DraftRulesModal.tsx';
import { RulesSettingsTable } from '../components/RulesSettingsTable.tsx';

const STATUS_COLOR: Record<RulesVersion['status'], string> = { draft: 'default', confirmed: 'blue', in_force: 'success', superseded: 'default' };

/**
 * 议事规则: a compound's rules of procedure, every version with its settings and clauses. The compound is the
 * workbench scope when that is one; otherwise (a street, a community) the page asks for one.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  const me = useSignedIn();
  // The URL's compound, else the workbench scope, else the one place an owners' committee member serves.
  const chosen = search.get('compoundId') ?? scope?.id ?? (me.grants.length === 1 ? me.grants[0]!.placeId : null);
  const choose = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('compoundId', id);
      else next.delete('compoundId');
      return next;
    });
  if (!mayDecisions(me, 'read')) return <Result status="403" title={t('decisions.noAccess')} />;
  const picker = (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('decisions.rules.chooseCompound')}</Typography.Text>
      <PlaceTreeSelect onChange={(id) => choose(id)} style={{ width: 280 }} aria-label={t('decisions.rules.compound')} placeholder={t('decisions.rules.compound')} />
    </Flex>
  );
  return (
    <>
      <PageHeader title={t('menu.decisionRules')} />
      {chosen ? <CompoundGate placeId={chosen} picker={picker} /> : <Card>{picker}</Card>}
    </>
  );
}

/** The rules of the chosen place when it is a compound; otherwise the picker again. */
function CompoundGate({ placeId, picker }: { placeId: string; picker: ReactNode }) {
  const place = usePlace(placeId);
  return (
    <QueryView query={place}>{(p) => (p.kind === 'compound' ? <CompoundRules compoundId={p.id} /> : <Card>{picker}</Card>)}</QueryView>
  );
}

function CompoundRules({ compoundId }: { compoundId: string }) {
  const rules = useRules(compoundId);
  return <QueryView query={rules}>{(r) => <RulesView rules={r} />}</QueryView>;
}

function RulesView({ rules: r }: { rules: RulesList }) {
  const { t } = useTranslation();
  const [drafting, setDrafting] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.compound.name}
        </Typography.Title>
        {r.can.draft && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)}>
            {t('decisions.rules.draft')}
          </Button>
        )}
      </Flex>
      {r.items.length === 0 && (
        <Card title={t('decisions.rules.defaults')}>
          <Alert type="info" showIcon title={t('decisions.rules.none')} style={{ marginBottom: 16 }} />
          <RulesSettingsTable settings={r.defaults} />
        </Card>
      )}
      {r.items.map((v) => (
        <VersionCard key={v.id} version={v} canConfirm={r.can.confirm} />
      ))}
      <DraftRulesModal compoundId={r.compound.id} open={drafting} onClose={() => setDrafting(false)} />
    </Flex>
  );
}

function VersionCard({ version: v, canConfirm }: { version: RulesVersion; canConfirm: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const step = useRulesStep();
  const ask = (what: 'confirm' | 'in-force') =>
    modal.confirm({
      title: what === 'confirm' ? t('decisions.rules.confirmTitle') : t('decisions.rules.inForceTitle'),
      content: what === 'confirm' ? t('decisions.rules.confirmBody') : t('decisions.rules.inForceBody'),
      okText: what === 'confirm' ? t('decisions.rules.confirm') : t('decisions.rules.inForce'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await step.mutateAsync({ id: v.id, step: what });
          void message.success(what === 'confirm' ? t('decisions.rules.confirmed') : t('decisions.rules.inForceDone'));
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  return (
    <Card
      title={
        <Space>
          {t('decisions.rules.version', { version: v.version })}
          <span>{v.title}</span>
          <Tag color={STATUS_COLOR[v.status]}>{t(`decisions.rules.status.${v.status}`)}</Tag>
        </Space>
      }
      extra={
        canConfirm && (
          <Space>
            {v.status === 'draft' && <Button onClick={() => ask('confirm')}>{t('decisions.rules.confirm')}</Button>}
            {v.status === 'confirmed' && (
              <Button type="primary" onClick={() => ask('in-force')}>
                {t('decisions.rules.inForce')}
              </Button>
            )}
          </Space>
        )
      }
      style={v.status === 'superseded' ? { opacity: 0.75 } : undefined}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('decisions.rules.createdBy')}>
          {v.createdByName ?? '—'} {formatDateTime(v.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('decisions.rules.confirmedBy')}>
          {v.confirmedByName ? `${v.confirmedByName} ${formatDateTime(v.confirmedAt)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('decisions.rules.inForceAt')}>{v.inForceAt ? formatDateTime(v.inForceAt) : '—'}</Descriptions.Item>
        {v.supersededAt && <Descriptions.Item label={t('decisions.rules.supersededAt')}>{formatDateTime(v.supersededAt)}</Descriptions.Item>}
      </Descriptions>
      <RulesSettingsTable settings={v.settings as RulesSettings} />
    </Card>
  );
}
