import { PlusOutlined } from '@ant-design/icons';
import { App, Tag, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIST_MAX_FILE_BYTES, LIST_MAX_FILES } from '#server/modules/supervision/contract.ts';

/** A score in hundredths with two decimals. */
export const score = (centi: number | null | undefined) => (centi === null || centi === undefined ? '—' : (centi / 100).toFixed(2));

/** The quarters a list may be published for: this one and the seven before it, newest first. */
export function recentQuarters(n = 8, today = new Date()): string[] {
  const china = new Date(today.getTime() + 8 * 3_600_000);
  let i = china.getUTCFullYear() * 4 + Math.floor(china.getUTCMonth() / 3);
  return Array.from({ length: n }, () => {
    const q = `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
    i--;
    return q;
  });
}

export function ListTag({ list, removed }: { list: 'red' | 'black'; removed?: boolean }) {
  const { t } = useTranslation();
  if (removed) return <Tag>{t('supervisionLists.list.removed')}</Tag>;
  // The black list's tag is black: antd has no preset for it.
  return list === 'red' ? <Tag color="red">{t('supervisionLists.list.red')}</Tag> : <Tag style={{ background: '#1f1f1f', borderColor: '#1f1f1f', color: '#fff' }}>{t('supervisionLists.list.black')}</Tag>;
}

export function AppealTag({ status }: { status: 'pending' | 'upheld' | 'rejected' | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  const colour = { pending: 'processing', upheld: 'success', rejected: 'default' }[status];
  return <Tag color={colour}>{t(`supervisionLists.appealStatus.${status}`)}</Tag>;
}

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** Picks up to nine photos or PDFs to send with a form (checked here for a quick answer; the server checks the content). */
export function FilePicker({ files, onChange }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
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
          void message.error(t('supervisionLists.files.type'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > LIST_MAX_FILE_BYTES) {
          void message.error(t('supervisionLists.files.tooLarge'));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, LIST_MAX_FILES))}
      maxCount={LIST_MAX_FILES}
    >
      {files.length < LIST_MAX_FILES && (
        <button type="button" style={{ border: 0, background: 'none' }} aria-label={t('supervisionLists.files.add')}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('supervisionLists.files.add')}</div>
        </button>
      )}
    </Upload>
  );
}

export const blobsOf = (files: UploadFile[]) => files.map((f) => f.originFileObj as File).filter(Boolean);
