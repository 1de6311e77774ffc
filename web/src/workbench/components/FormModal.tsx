import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldForCode, showServerErrors } from './server-errors.ts';

interface Props<V> {
  title: string;
  open: boolean;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** Sends the values; a rejected promise's server messages are shown on the fields. */
  submit: (values: V) => Promise<unknown>;
  fieldForCode?: FieldForCode;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/** A create/edit dialog: validation inline, server messages inline, Enter submits, Esc cancels. */
export function FormModal<V extends object>({
  title,
  open,
  onClose,
  initialValues,
  submit,
  fieldForCode,
  okText,
  width,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const onFinish = async (values: V) => {
    setBusy(true);
    setBanner(null);
    try {
      await submit(values);
      onClose();
    } catch (err) {
      setBanner(showServerErrors(form, err, fieldForCode));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={width ?? 560}
      afterOpenChange={(visible) => visible || setBanner(null)}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} preserve={false} scrollToFirstError>
        {children}
        {/* Lets Enter in any field submit, as a form should. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
