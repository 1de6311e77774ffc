import { DeleteOutlined, FilePdfOutlined, FileImageOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_NOTICE } from '#server/modules/notices/contract.ts';
import { attachmentUrl, type Notice, useRemoveAttachment, useUploadAttachment } from '../api.ts';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf';
const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const iconOf = (mime: string) => (mime === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />);

/** Files chosen before the notice exists: uploaded when it is first saved. */
export function PendingAttachments({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <>
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > ATTACHMENT_MAX_BYTES) void message.error(t('notice.attachmentHint'));
          else if (files.length < ATTACHMENTS_PER_NOTICE) onChange([...files, file]);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('notice.addAttachment')}</Button>
      </Upload>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('notice.attachmentHint')}
      </Typography.Paragraph>
      {files.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={files}
          renderItem={(f, i) => (
            <List.Item
              actions={[
                <Button key="rm" type="text" danger icon={<DeleteOutlined />} aria-label={t('notice.removeAttachment')} onClick={() => onChange(files.filter((_, j) => j !== i))} />,
              ]}
            >
              {iconOf(f.type)} {f.name} <span className="gz-muted">{sizeOf(f.size)} · {t('notice.pendingAttachments')}</span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** A saved notice's attachments: open, remove, add (each upload is checked by the server by content). */
export function NoticeAttachments({ notice: n }: { notice: Notice }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const upload = useUploadAttachment(n.id);
  const remove = useRemoveAttachment(n.id);
  return (
    <>
      {n.can.attach && (
        <>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={n.attachments.length >= ATTACHMENTS_PER_NOTICE}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: (res) => {
                  onSuccess?.(res);
                  void message.success(t('notice.uploaded', { name: (file as File).name }));
                },
                onError: (err) => {
                  onError?.(err);
                  void message.error(err.message);
                },
              });
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={n.attachments.length >= ATTACHMENTS_PER_NOTICE}>
              {t('notice.addAttachment')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
            {t('notice.attachmentHint')}
          </Typography.Paragraph>
        </>
      )}
      <List
        size="small"
        dataSource={n.attachments}
        locale={{ emptyText: t('notice.noAttachments') }}
        renderItem={(a) => (
          <List.Item
            actions={
              n.can.attach
                ? [
                    <Button
                      key="rm"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('notice.removeAttachment')} ${a.name}`}
                      onClick={() =>
                        modal.confirm({
                          title: t('notice.removeAttachment'),
                          content: t('notice.removeAttachmentConfirm', { name: a.name }),
                          okButtonProps: { danger: true },
                          okText: t('notice.removeAttachment'),
                          cancelText: t('common.cancel'),
                          onOk: () => remove.mutateAsync(a.id),
                        })
                      }
                    />,
                  ]
                : []
            }
          >
            <a href={attachmentUrl(n.id, a.id)} target="_blank" rel="noreferrer">
              {iconOf(a.mime)} {a.name}
            </a>
            <span className="gz-muted">{sizeOf(a.size)}</span>
          </List.Item>
        )}
      />
    </>
  );
}
