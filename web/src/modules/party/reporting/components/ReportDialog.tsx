import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type ReportingContext, useSubmitOrgReport } from '../api.ts';

/** 向社区报到: the liaison reports one of its organisations to a community of the street, with a contact. */
export function ReportDialog({ context, open, onClose }: { context: ReportingContext; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmitOrgReport();
  const orgs = context.organisations;
  return (
    <FormModal<{ organisationId: string; communityId: string; contactName: string; contactPhone: string; note?: string }>
      title={t('partyReporting.report.title')}
      open={open}
      onClose={onClose}
      okText={t('partyReporting.report.submit')}
      initialValues={{ organisationId: orgs[0]?.id }}
      submit={(v) => submit.mutateAsync(v)}
    >
      <Form.Item name="organisationId" label={t('partyReporting.col.organisation')} rules={[{ required: true }]}>
        <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="communityId" label={t('partyReporting.report.community')} rules={[{ required: true }]}>
        <Select options={context.communities.map((c) => ({ value: c.id, label: c.name }))} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="contactName" label={t('partyReporting.report.contactName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('partyReporting.report.contactPhone')} rules={[{ required: true, pattern: /^[0-9+\-\s]{5,20}$/, message: t('partyReporting.report.phoneInvalid') }]}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="note" label={t('partyReporting.report.note')}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
