import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import '../i18n.ts';

/** What the server takes as a scan, a photo or a power of attorney. */
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * One file for a form (a Form.Item's value: the File, or nothing), sent with the form's other fields. The type and
 * size are checked here for a quick answer; the server checks the content again.
 */
export function FileField({ id, value, onChange, label }: { id?: string; value?: File; onChange?: (file?: File) => void; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept={TYPES.join(',')}
      maxCount={1}
      fileList={value ? [{ uid: '1', name: value.name, status: 'done' }] : []}
      beforeUpload={(file) => {
        if (!TYPES.includes(file.type)) {
          void message.error(t('decisionsProof.file.type'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_BYTES) {
          void message.error(t('decisionsProof.file.tooLarge'));
          return Upload.LIST_IGNORE;
        }
        onChange?.(file);
        return false;
      }}
      onRemove={() => onChange?.(undefined)}
    >
      <Button id={id} icon={<UploadOutlined />}>
        {label}
      </Button>
    </Upload>
  );
}
