import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';

/** A weighty action that needs a reason (reject, end early, close a plot): confirmed in a modal with the reason. */
export function ReasonModal({ title, hint, open, onClose, submit }: { title: string; hint?: string; open: boolean; onClose: () => void; submit: (reason: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }> title={title} open={open} onClose={onClose} okText={t('volGreen.actions.ok')} submit={(v) => submit(v.reason)} fieldForCode={{}}>
      {hint && <Alert type="warning" showIcon message={hint} style={{ marginBottom: 16 }} />}
      <Form.Item name="reason" label={t('volGreen.actions.reason')} rules={[{ required: true, whitespace: true, message: t('volGreen.actions.reasonRequired') }, { max: 200 }]}>
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
