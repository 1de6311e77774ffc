import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStrongPassword } from '#server/kernel/contract.ts';
import { useChangePassword } from '../kernel/accounts-api.ts';

interface Values {
  current: string;
  next: string;
  next2: string;
}

/**
 * 修改密码: the current password, the new one twice. `forced` (a temporary password from an administrator's reset,
 * `mustChangePassword`): titled 请设置新密码, and it cannot be closed — no cancel, no ×, no Esc, no click outside —
 * until the password is changed (the server clears the flag, and the signed-in account is read again).
 */
export function ChangePasswordModal({ forced = false, onClose }: { forced?: boolean; onClose?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const submit = (v: Values) =>
    change.mutate(
      { current: v.current, next: v.next },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          onClose?.();
        },
      },
    );
  return (
    <Modal
      open
      title={forced ? t('auth.mustChangeTitle') : t('auth.changePassword')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {forced && <Typography.Paragraph>{t('auth.mustChangeIntro')}</Typography.Paragraph>}
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={() => change.error && change.reset()}>
        <Form.Item name="current" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule')}
          rules={[{ validator: async (_, v: string) => (v && isStrongPassword(v) ? undefined : Promise.reject(new Error(t('auth.passwordWeak')))) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="next2"
          label={t('auth.newPasswordAgain')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string) => (v === getFieldValue('next') ? undefined : Promise.reject(new Error(t('auth.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {/* Enter submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
