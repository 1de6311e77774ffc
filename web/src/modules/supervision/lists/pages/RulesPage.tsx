import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { APPEAL_DAYS_MAX, BASIS_MAX, LIST_GRADES, MEASURE_KINDS, type RulesBody } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { type Rules, useListStreets, useRules, useSaveRules } from '../api.ts';

/** 红黑榜规则: a street's grade thresholds with their clauses, the appeal window and the catalogue of measures. */
export function RulesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const streets = useListStreets();
  const streetId = search.get('streetId') ?? streets.data?.items[0]?.streetId;
  const rules = useRules(streetId);
  const canEdit = streets.data?.items.find((s) => s.streetId === streetId)?.can.manage ?? false;
  return (
    <>
      <PageHeader
        title={t('supervisionLists.rules.title')}
        breadcrumb={<Link to="/supervision/lists">{t('supervisionLists.page.title')}</Link>}
        extra={
          (streets.data?.items.length ?? 0) > 1 && (
            <Select aria-label={t('supervisionLists.page.street')} value={streetId} onChange={(v: string) => setSearch({ streetId: v })} options={streets.data!.items.map((s) => ({ value: s.streetId, label: s.streetName }))} style={{ width: 180 }} />
          )
        }
      />
      <QueryView query={rules}>{(r) => <RulesForm key={`${r.streetId}|${r.version}`} rules={r} canEdit={canEdit} />}</QueryView>
    </>
  );
}

type Values = Omit<RulesBody, 'streetId'>;

function RulesForm({ rules, canEdit }: { rules: Rules; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRules();
  const grades = LIST_GRADES.map((g) => ({ value: g, label: g }));
  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({ streetId: rules.streetId, ...v });
      void message.success(t('supervisionLists.rules.saved'));
    } catch (err) {
      const banner = showServerErrors(form, err);
      if (banner) void message.error(banner);
    }
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">
        {rules.version === 0 ? t('supervisionLists.rules.defaults') : t('supervisionLists.rules.version', { version: rules.version, at: formatDateTime(rules.updatedAt) })}
      </Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('supervisionLists.rules.policy')} />
      <Form form={form} layout="vertical" disabled={!canEdit} initialValues={{ redFrom: rules.redFrom, redBasis: rules.redBasis, blackFrom: rules.blackFrom, blackBasis: rules.blackBasis, appealDays: rules.appealDays, measures: rules.measures }} onFinish={onFinish} style={{ maxWidth: 820 }}>
        <Space align="start" wrap>
          <Form.Item name="redFrom" label={t('supervisionLists.rules.redFrom')} rules={[{ required: true }]}>
            <Select options={grades} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="blackFrom" label={t('supervisionLists.rules.blackFrom')} rules={[{ required: true }]}>
            <Select options={grades} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="appealDays" label={t('supervisionLists.rules.appealDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={APPEAL_DAYS_MAX} precision={0} addonAfter={t('supervisionLists.rules.days')} />
          </Form.Item>
        </Space>
        <Form.Item name="redBasis" label={t('supervisionLists.rules.redBasis')} rules={[{ required: true, whitespace: true, message: t('supervisionLists.rules.basisRequired') }]}>
          <Input.TextArea rows={2} maxLength={BASIS_MAX} showCount />
        </Form.Item>
        <Form.Item name="blackBasis" label={t('supervisionLists.rules.blackBasis')} rules={[{ required: true, whitespace: true, message: t('supervisionLists.rules.basisRequired') }]}>
          <Input.TextArea rows={2} maxLength={BASIS_MAX} showCount />
        </Form.Item>
        <Typography.Title level={5}>{t('supervisionLists.rules.measures')}</Typography.Title>
        <Form.List name="measures" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('supervisionLists.rules.measuresRequired')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 160 }} aria-label={t('supervisionLists.measure.kind')} options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`supervisionLists.measure.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} rules={[{ required: true, whitespace: true, message: t('supervisionLists.rules.basisRequired') }]} style={{ width: 520 }}>
                    <Input.TextArea rows={2} maxLength={BASIS_MAX} aria-label={t('supervisionLists.rules.measureBasis')} placeholder={t('supervisionLists.rules.measureBasis')} />
                  </Form.Item>
                  {canEdit && fields.length > 1 && <MinusCircleOutlined aria-label={t('supervisionLists.rules.remove')} onClick={() => remove(f.name)} style={{ marginTop: 8 }} />}
                </Space>
              ))}
              {canEdit && fields.length < MEASURE_KINDS.length && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: MEASURE_KINDS.find((k) => !form.getFieldValue('measures')?.some((m: { kind: string }) => m?.kind === k)), basis: '' })}>
                  {t('supervisionLists.rules.addMeasure')}
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
