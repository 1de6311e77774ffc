import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SHEET_KINDS, type SheetKind } from '#server/modules/supervision/contract.ts';
import { todayInShanghai } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { useScope } from '../../../../workbench/scope.tsx';
import { previousQuarter, quarterOf, useInspectableCompounds, useStartInspection } from '../api.ts';
import './phone.css';

interface Values {
  compoundId: string;
  period: string;
  kind: SheetKind;
}

/** 开始检查: a page of its own (not a dialog), so it works on the phone an official carries round the compound. */
export function StartInspectionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { scope } = useScope();
  const [form] = Form.useForm<Values>();
  const compounds = useInspectableCompounds(true);
  const start = useStartInspection();
  const [banner, setBanner] = useState<string | null>(null);
  const current = quarterOf(todayInShanghai());
  const periods = [current, previousQuarter(current)];
  const options = (compounds.data ?? []).map((c) => ({ value: c.id, label: c.parentName ? `${c.name}（${c.parentName}）` : c.name }));
  const wanted = search.get('compoundId') ?? scope?.id;
  const preset = options.some((o) => o.value === wanted) ? wanted : undefined;

  const onFinish = async (v: Values) => {
    setBanner(null);
    try {
      const started = await start.mutateAsync(v);
      navigate(`/supervision/inspections/${started.id}`, { replace: true });
    } catch (err) {
      setBanner(showServerErrors(form, err, { NO_SHEET_IN_FORCE: 'period', PERIOD_NOT_STARTED: 'period', NOT_A_COMPOUND: 'compoundId', PLACE_NOT_FOUND: 'compoundId' }));
    }
  };

  return (
    <div className="gz-sup-phone" style={{ maxWidth: 560 }}>
      <PageHeader
        breadcrumb={
          <Link to="/supervision/inspections">
            <ArrowLeftOutlined /> {t('supervisionSheets.inspection.back')}
          </Link>
        }
        title={t('supervisionSheets.inspections.startTitle')}
      />
      <Card>
        {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
        <Form<Values> key={preset ?? 'none'} form={form} layout="vertical" size="large" initialValues={{ period: current, kind: 'property_service', ...(preset ? { compoundId: preset } : {}) }} onFinish={onFinish}>
          <Form.Item name="compoundId" label={t('supervisionSheets.inspections.compound')} rules={[{ required: true, message: t('supervisionSheets.inspections.compoundRequired') }]}>
            <Select showSearch optionFilterProp="label" loading={compounds.isLoading} options={options} />
          </Form.Item>
          <Form.Item name="period" label={t('supervisionSheets.inspections.period')}>
            <Select options={periods.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('supervisionSheets.inspections.kind')}>
            <Select options={SHEET_KINDS.map((k) => ({ value: k, label: t(`supervisionSheets.kind.${k}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={start.isPending}>
            {t('supervisionSheets.inspections.start')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
