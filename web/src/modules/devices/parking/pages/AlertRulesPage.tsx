import { Button, Card, Empty, Form, InputNumber, Popconfirm, Select, Switch, Table, Tag, TimePicker, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_KINDS, DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { RemoteSelect } from '../../../../workbench/components/RemoteSelect.tsx';
import { type RuleRow, useCreateRule, useRules, useUpdateRule } from '../api.ts';
import { AlertKindTag, holds, searchPlaces } from '../components/shared.tsx';

const HM = 'HH:mm';

/** 告警规则: the rules that apply to my places (a street's or community's cover the compounds below; the nearest applies), set and changed by whoever may. */
export function AlertRulesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const rules = useRules();
  const update = useUpdateRule();
  const [editing, setEditing] = useState<RuleRow | 'new' | null>(null);
  const mayCreate = holds(me, DEVICES_ROLES.manageAlertRules);

  const what = (r: RuleRow) =>
    r.kind === 'unknown_night' ? t('devicesParking.rules.night', { from: r.nightFrom, to: r.nightTo }) : t(`devicesParking.rules.grace.${r.kind}`, { minutes: r.graceMinutes });
  const columns: TableColumnsType<RuleRow> = [
    { title: t('devicesParking.rules.place'), dataIndex: 'placeName', render: (v: string, r) => `${v}（${t(`devicesParking.placeKind.${r.placeKind}`, { defaultValue: r.placeKind })}）` },
    { title: t('devicesParking.col.alertKind'), dataIndex: 'kind', render: (v: RuleRow['kind']) => <AlertKindTag kind={v} /> },
    { title: t('devicesParking.rules.condition'), key: 'what', render: (_: unknown, r) => what(r) },
    {
      title: t('devicesParking.rules.enabled'),
      dataIndex: 'enabled',
      render: (v: boolean, r) =>
        r.editable ? (
          <Popconfirm title={v ? t('devicesParking.rules.disableConfirm') : t('devicesParking.rules.enableConfirm')} onConfirm={() => update.mutateAsync({ id: r.id, enabled: !v })}>
            <Switch checked={v} size="small" aria-label={t('devicesParking.rules.enabled')} />
          </Popconfirm>
        ) : (
          <Tag color={v ? 'green' : 'default'}>{v ? t('devicesParking.rules.on') : t('devicesParking.rules.off')}</Tag>
        ),
    },
    {
      title: t('devicesParking.col.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        r.editable ? (
          <Button size="small" type="link" onClick={() => setEditing(r)}>
            {t('devicesParking.rules.edit')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('devicesParking.rules.setAbove')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('devicesParking.rules.title')}
        extra={
          mayCreate && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('devicesParking.rules.add')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('devicesParking.rules.help')}</Typography.Paragraph>
        <QueryView query={rules}>
          {(d) => <Table rowKey="id" size="small" columns={columns} dataSource={d.items} pagination={false} locale={{ emptyText: <Empty description={t('devicesParking.rules.none')} /> }} scroll={{ x: 'max-content' }} />}
        </QueryView>
      </Card>
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface RuleValues {
  placeId: string;
  kind: RuleRow['kind'];
  graceMinutes: number;
  night?: [dayjs.Dayjs, dayjs.Dayjs];
}

function RuleModal({ rule, onClose }: { rule: RuleRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRule();
  const update = useUpdateRule();
  const [kind, setKind] = useState<RuleRow['kind']>(rule?.kind ?? 'overstay');
  const night = (v: RuleValues) => (v.night ? { nightFrom: v.night[0].format(HM), nightTo: v.night[1].format(HM) } : {});
  return (
    <FormModal<RuleValues>
      title={rule ? t('devicesParking.rules.editTitle', { place: rule.placeName }) : t('devicesParking.rules.add')}
      open
      onClose={onClose}
      initialValues={{
        kind: rule?.kind ?? 'overstay',
        graceMinutes: rule?.graceMinutes ?? 30,
        night: [dayjs(rule?.nightFrom ?? '23:00', HM), dayjs(rule?.nightTo ?? '06:00', HM)],
      }}
      submit={(v) =>
        rule ? update.mutateAsync({ id: rule.id, graceMinutes: v.graceMinutes, ...night(v) }) : create.mutateAsync({ placeId: v.placeId, kind: v.kind, graceMinutes: v.graceMinutes, ...night(v) })
      }
    >
      {!rule && (
        <>
          <Form.Item name="placeId" label={t('devicesParking.rules.place')} extra={t('devicesParking.rules.placeHint')} rules={[{ required: true }]}>
            <RemoteSelect queryKey={['devices', 'parking', 'rule-places']} search={searchPlaces('street,community,compound')} placeholder={t('devicesParking.rules.placeSearch')} />
          </Form.Item>
          <Form.Item name="kind" label={t('devicesParking.col.alertKind')} rules={[{ required: true }]}>
            <Select options={optionsOf(ALERT_KINDS, (k) => t(`devicesParking.alertKind.${k}`))} onChange={(k: RuleRow['kind']) => setKind(k)} />
          </Form.Item>
        </>
      )}
      {kind === 'unknown_night' ? (
        <Form.Item name="night" label={t('devicesParking.rules.nightHours')} rules={[{ required: true }]}>
          <TimePicker.RangePicker format={HM} order={false} minuteStep={5} />
        </Form.Item>
      ) : (
        <Form.Item name="graceMinutes" label={t(`devicesParking.rules.graceLabel.${kind}`)} rules={[{ required: true }]}>
          <InputNumber min={0} max={1440} precision={0} addonAfter={t('devicesParking.unit.minutes')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
