import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '#server/modules/repairs/contract.ts';

/**
 * Picks up to `max` photos to send with a form (nothing is uploaded until the form is sent). The
 * type and size are checked here for a quick answer; the server checks the content again.
 */
export function PhotoPicker({ files, onChange, max }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void; max: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept={PHOTO_TYPES.join(',')}
      multiple
      fileList={files}
      beforeUpload={(file) => {
        if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
          void message.error(t('repairs.h5.photoType'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_PHOTO_BYTES) {
          void message.error(t('repairs.h5.photoTooLarge'));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, max))}
      maxCount={max}
    >
      {files.length < max && (
        <button type="button" style={{ border: 0, background: 'none' }} aria-label={t('repairs.photos')}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('repairs.photos')}</div>
        </button>
      )}
    </Upload>
  );
}
