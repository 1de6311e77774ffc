import { DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { FileOutline } from 'antd-mobile-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { attachmentUrl, type MyNotice, useMarkRead, useMyNotice } from '../api.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import './notices-h5.css';

/** One notice, as the QR code on the lobby board opens it; opening it is the read receipt. */
export function NoticeDetailH5Page() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyNotice(id);
  const markRead = useMarkRead();
  const unread = q.data && !q.data.read;
  // The receipt goes once per opened notice (markRead is a new object each render).
  useEffect(() => {
    if (unread) markRead.mutate(id);
  }, [id, unread]);
  return (
    <>
      <BackTitle fallback="/notices">{t('h5notice.detail')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="empty" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <NoticeArticle notice={q.data} />
      )}
    </>
  );
}

function NoticeArticle({ notice: n }: { notice: MyNotice }) {
  const { t } = useTranslation();
  const images = n.attachments.filter((a) => a.mime.startsWith('image/'));
  const files = n.attachments.filter((a) => !a.mime.startsWith('image/'));
  return (
    <>
      <article className="gz-ntc-article" aria-labelledby="ntc-title">
        <div>
          <Tag color={n.category === 'emergency' ? 'danger' : 'primary'} fill="outline">
            {t(`notice.category.${n.category}`)}
          </Tag>
        </div>
        <h2 id="ntc-title">{n.title}</h2>
        <div className="gz-ntc-meta">
          {t('h5notice.from', { issuer: n.issuer, date: formatDate(n.publishedAt ?? n.validFrom) })}
          {n.validUntil && ` · ${t('h5notice.validUntil', { date: n.validUntil })}`}
        </div>
        <p className="gz-ntc-body">{n.body}</p>
        {images.length > 0 && (
          <div className="gz-ntc-images">
            {images.map((a) => (
              <img key={a.id} src={attachmentUrl(n.id, a.id)} alt={a.name} loading="lazy" />
            ))}
          </div>
        )}
        <p className="gz-ntc-sign">{n.issuer}</p>
        <p className="gz-ntc-sign gz-ntc-meta">{formatDate(n.publishedAt ?? n.validFrom)}</p>
      </article>
      {files.length > 0 && (
        <List header={t('h5notice.attachments')}>
          {files.map((a) => (
            <List.Item key={a.id} prefix={<FileOutline aria-hidden />} onClick={() => window.open(attachmentUrl(n.id, a.id), '_blank', 'noopener')}>
              {a.name}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
