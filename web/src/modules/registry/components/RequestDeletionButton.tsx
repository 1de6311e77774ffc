import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeOutcome } from '../../../workbench/components/approval-notice.tsx';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type DeletableEntity, useRequestDeletion } from '../api.ts';

/** Asks for a deletion, which only a second approver can carry out; the reason goes on record. */
export function RequestDeletionButton({ entity, id, name }: { entity: DeletableEntity; id: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useRequestDeletion();
  const outcome = useChangeOutcome();
  return (
    <>
      <Button danger icon={<DeleteOutlined />} onClick={() => setOpen(true)}>
        {t('deletion.request')}
      </Button>
      <FormModal<{ reason: string }>
        title={t('deletion.title', { name })}
        open={open}
        onClose={() => setOpen(false)}
        okText={t('approval.submitForApproval')}
        fieldForCode={{ PLACE_NOT_EMPTY: 'reason', STILL_REFERENCED: 'reason' }}
        submit={async ({ reason }) => outcome(await remove.mutateAsync({ entity, id, reason }), t('deletion.requested'))}
      >
        <Alert type="warning" showIcon title={t('deletion.consequences')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>{t(`deletion.what.${entity}`, { name })}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('deletion.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}
        >
          <Input.TextArea rows={3} showCount maxLength={300} />
        </Form.Item>
      </FormModal>
    </>
  );
}
