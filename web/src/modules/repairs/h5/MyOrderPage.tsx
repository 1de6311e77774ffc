import { Button, Dialog, DotLoading, ErrorBlock, Image, ImageViewer, List, Rate, Steps, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { type Order, useOrder, useOrderAction } from '../api.ts';
import { eventDetail, yuan } from '../format.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { StarPicker } from './StarPicker.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** 报修详情: where my repair stands, its progress step by step, the result, and my rating. */
export function MyOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  return (
    <>
      <BackTitle fallback="/services">{t('repairs.h5.detailTitle')}</BackTitle>
      {order.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : order.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={order.error.message}>
          <Button color="primary" onClick={() => void order.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      ) : (
        <OrderView order={order.data} />
      )}
    </>
  );
}

function OrderView({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const act = useOrderAction(o.id);
  const reportPhotos = o.photos.filter((p) => p.stage === 'report');
  const finishPhotos = o.photos.filter((p) => p.stage === 'finish');
  const events = [...o.events].reverse();

  const cancel = async () => {
    if (!(await Dialog.confirm({ content: t('repairs.h5.cancelConfirm'), confirmText: t('repairs.h5.cancel'), cancelText: t('common.cancel') }))) return;
    try {
      await act.mutateAsync({ action: 'cancel' });
      Toast.show({ content: t('repairs.h5.cancelled') });
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <>
      <section className="gz-rep-hero" aria-label={t('repairs.field.status')}>
        <div className="gz-rep-hero-top">
          <StatusBadge status={o.status} />
          <span className="gz-rep-no">{o.no}</span>
        </div>
        <p className="gz-rep-hero-text">{t(`repairs.h5.statusHint.${o.status}`)}</p>
        {o.status === 'submitted' && <p className="gz-rep-hero-sub">{t('repairs.h5.deadline', { time: formatDateTime(o.respondBy) })}</p>}
        {o.overdue && ['submitted', 'accepted', 'dispatched', 'in_progress', 'reopened'].includes(o.status) && (
          <p className="gz-rep-hero-sub">{t('repairs.h5.overdueNote')}</p>
        )}
      </section>

      {o.actions.includes('rate') && <RateCard order={o} />}

      {o.rating && (
        <List header={t('repairs.h5.yourRating')}>
          <List.Item description={o.ratingComment}>
            <Rate readOnly value={o.rating} aria-label={t('repairs.stars', { rating: o.rating })} />
          </List.Item>
        </List>
      )}

      {(o.finishNote || o.returnReason) && (
        <List header={t('repairs.h5.result')}>
          {o.finishNote && (
            <List.Item description={o.finishedAt ? formatDateTime(o.finishedAt) : undefined}>
              <span className="gz-rep-pre">{o.finishNote}</span>
            </List.Item>
          )}
          {o.returnReason && <List.Item description={<span className="gz-rep-pre">{o.returnReason}</span>}>{t('repairs.field.returnReason')}</List.Item>}
        </List>
      )}
      {finishPhotos.length > 0 && <Photos title={t('repairs.finishPhotos')} photos={finishPhotos} />}

      <section className="gz-rep-progress" aria-labelledby="progress">
        <h2 id="progress" className="gz-rep-section">
          {t('repairs.h5.progress')}
        </h2>
        <Steps direction="vertical" current={0}>
          {events.map((e, i) => {
            const detail = eventDetail(t, e);
            return (
              <Steps.Step
                key={e.id}
                status={i === 0 ? 'process' : 'finish'}
                title={t(`repairs.event.${e.action}`, { defaultValue: e.action })}
                description={
                  <>
                    <div>
                      {e.bySystem ? t('repairs.system') : e.actorName} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </div>
                    {detail && <div>{detail}</div>}
                    {e.note && <div className="gz-rep-step-note">{e.note}</div>}
                  </>
                }
              />
            );
          })}
        </Steps>
      </section>

      <List header={t('repairs.detail.info')}>
        <List.Item extra={t(`repairs.category.${o.category}`)}>{t('repairs.field.category')}</List.Item>
        <List.Item description={t(`repairs.placeKind.${o.place.kind}`)} extra={<span className="gz-rep-wrap">{o.place.label}</span>}>
          {t('repairs.field.place')}
        </List.Item>
        <List.Item description={<span className="gz-rep-pre">{o.description}</span>}>{t('repairs.field.description')}</List.Item>
        <List.Item extra={formatDateTime(o.reportedAt)}>{t('repairs.field.reportedAt')}</List.Item>
        {(o.preferredDate || o.preferredPeriod) && (
          <List.Item extra={[o.preferredDate, o.preferredPeriod && t(`repairs.period.${o.preferredPeriod}`)].filter(Boolean).join(' ')}>
            {t('repairs.field.preferred')}
          </List.Item>
        )}
        {o.contactPhone && <List.Item extra={o.contactPhone}>{t('repairs.field.contactPhone')}</List.Item>}
        {o.company.name && <List.Item extra={o.company.name}>{t('repairs.field.company')}</List.Item>}
        {o.assignee && <List.Item extra={o.assignee.name}>{t('repairs.field.assignee')}</List.Item>}
        {o.paidService && o.priceFen && <List.Item extra={`¥${yuan(o.priceFen)}`}>{t('repairs.field.price')}</List.Item>}
      </List>
      {reportPhotos.length > 0 && <Photos title={t('repairs.reportPhotos')} photos={reportPhotos} />}

      {o.actions.includes('cancel') && (
        <div className="gz-padded">
          <Button block color="danger" fill="outline" size="large" onClick={cancel} loading={act.isPending}>
            {t('repairs.h5.cancel')}
          </Button>
        </div>
      )}
    </>
  );
}

function Photos({ title, photos }: { title: string; photos: Order['photos'] }) {
  const urls = photos.map((p) => p.url);
  return (
    <section className="gz-rep-photo-block" aria-label={title}>
      <h2 className="gz-rep-photo-title">{title}</h2>
      <div className="gz-rep-photo-grid">
        {photos.map((p, i) => (
          <button key={p.id} type="button" className="gz-rep-photo" onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })} aria-label={`${title} ${i + 1}`}>
            <Image src={p.url} fit="cover" width="100%" height="100%" alt="" />
          </button>
        ))}
      </div>
    </section>
  );
}

function RateCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const send = async () => {
    if (rating <= 2 && !(await Dialog.confirm({ content: t('repairs.h5.rateConfirmLow', { rating }), confirmText: t('repairs.h5.rateSubmit'), cancelText: t('common.cancel') }))) {
      return;
    }
    try {
      await act.mutateAsync({ action: 'rate', body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
      Toast.show({ icon: 'success', content: t('repairs.h5.rated') });
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="gz-rep-rate" aria-labelledby="rate-title">
      <h2 id="rate-title">{t('repairs.h5.rateTitle')}</h2>
      <div className="gz-rep-rate-stars">
        <StarPicker value={rating} onChange={setRating} label={t('repairs.h5.rateTitle')} />
        {rating > 0 && (
          <span className="gz-rep-rate-value" aria-live="polite">
            {t('repairs.stars', { rating })}
          </span>
        )}
      </div>
      <p className="gz-rep-hint">{t('repairs.h5.rateHint')}</p>
      <label htmlFor="rate-comment" className="gz-rep-sr-only">
        {t('repairs.h5.ratingComment')}
      </label>
      <TextArea id="rate-comment" value={comment} onChange={setComment} placeholder={t('repairs.h5.ratingComment')} maxLength={500} rows={3} />
      <Button block color="primary" size="large" disabled={rating === 0} loading={act.isPending} onClick={send} style={{ marginTop: 12 }}>
        {t('repairs.h5.rateSubmit')}
      </Button>
    </section>
  );
}
