import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHide } from '../api.ts';

/** 隐藏: asks the moderator for the reason (required; the owner is told it) before hiding a listing. */
export function HideModal({ listing, onClose, onDone }: { listing: { id: string; title: string }; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const hide = useHide();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('volBoards.moderation.hideTitle', { title: listing.title })}
      okText={t('volBoards.moderation.ok')}
      cancelText={t('volBoards.moderation.cancel')}
      okButtonProps={{ danger: true, loading: hide.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const { reason } = await form.validateFields();
        await hide.mutateAsync({ id: listing.id, reason: reason.trim() });
        onDone();
      }}
      destroyOnHidden
    >
      <p>{t('volBoards.moderation.hideNote')}</p>
      {hide.error && (
        <p role="alert" className="ant-form-item-explain-error">
          {hide.error.message}
        </p>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('volBoards.moderation.reason')} rules={[{ required: true, whitespace: true, message: t('volBoards.moderation.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
