import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_MAX_FILE_BYTES, NOTICE_MAX_FILES } from '#server/modules/supervision/contract.ts';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/**
 * Picks up to nine photos or PDFs to send with a form (nothing is uploaded until the form is sent). The type and
 * size are checked here for a quick answer; the server checks the content again.
 */
export function EvidencePicker({ files, onChange }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept={TYPES.join(',')}
      multiple
      fileList={files}
      beforeUpload={(file) => {
        if (!TYPES.includes(file.type)) {
          void message.error(t('supervisionRectification.form.fileType'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > NOTICE_MAX_FILE_BYTES) {
          void message.error(t('supervisionRectification.form.fileTooLarge'));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, NOTICE_MAX_FILES))}
      maxCount={NOTICE_MAX_FILES}
    >
      {files.length < NOTICE_MAX_FILES && (
        <button type="button" style={{ border: 0, background: 'none' }} aria-label={t('supervisionRectification.form.addFiles')}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('supervisionRectification.form.addFiles')}</div>
        </button>
      )}
    </Upload>
  );
}

export const blobsOf = (files: UploadFile[]) => files.map((f) => f.originFileObj as File).filter(Boolean);
