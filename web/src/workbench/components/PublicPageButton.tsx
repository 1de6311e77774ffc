import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "公示页 / 二维码" on a record that has a public page (kernel/public/public-pages.ts): its QR code
 * to print or show, the live page's address to copy, and its printable PDF. `pageKey` is the page's
 * key as the module declared it ('notices.notice'); `id` the record or place, if the page takes one.
 */
export function PublicPageButton({ pageKey, id, disabled, hint }: { pageKey: string; id?: string; disabled?: boolean; hint?: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const base = id ? `${pageKey}/${id}` : pageKey;
  const live = `${window.location.origin}/h5/p/${base}`;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <>
      <Button icon={<QrcodeOutlined />} onClick={() => setOpen(true)} disabled={disabled} title={hint}>
        {t('publicPage.button')}
      </Button>
      <Modal title={t('publicPage.title')} open={open} onCancel={() => setOpen(false)} footer={null} width={380} destroyOnHidden>
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          <img src={`/api/public/${base}/qr.png`} alt={t('publicPage.qrAlt')} width={220} height={220} />
          <Typography.Paragraph copyable={{ text: live }} style={{ wordBreak: 'break-all', textAlign: 'center', marginBottom: 0 }}>
            {live}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('publicPage.hint')}</Typography.Text>
          <Space>
            <Button href={live} target="_blank" rel="noopener">
              {t('publicPage.open')}
            </Button>
            <Button type="primary" href={`/api/public/${base}/print.pdf?lang=${lang}`} target="_blank" rel="noopener">
              {t('publicPage.pdf')}
            </Button>
          </Space>
        </Space>
      </Modal>
    </>
  );
}
