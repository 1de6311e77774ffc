import { Button, Dialog, DotLoading, ErrorBlock, Image, ImageViewer, List, NoticeBar, Popup, Stepper, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { type Listing, useAsk, useClose, useDecide, useGiven, useListing, useReport } from '../api.ts';
import { carpoolLine, statusColor } from '../components/labels.ts';
import '../i18n.ts';
import './boards.css';

const failed = (err: unknown) => Toast.show({ icon: 'fail', content: err instanceof ApiError || err instanceof Error ? err.message : String(err) });

/** A listing's page (H5): what, who, photos; the owner decides on requests and sees the agreed contacts; a neighbour asks or 举报. */
export function ListingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useListing(id);
  return (
    <>
      <BackTitle fallback="/volunteers/boards">{t('volBoards.h5.listing')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="empty" fullPage={false} title={t('volBoards.h5.notFound')} description={q.error.message} />
      ) : (
        <ListingBody l={q.data} />
      )}
    </>
  );
}

function ListingBody({ l }: { l: Listing }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<number | null>(null);
  const photos = l.photoIds.map((p) => `/api/volunteers/photos/${p}`);
  return (
    <>
      {l.hidden && <NoticeBar color="error" wrap content={t('volBoards.h5.hiddenBecause', { reason: l.hiddenReason ?? '' })} />}
      <NoticeBar content={t('volBoards.h5.noPayment')} color="info" wrap />
      <List header={t(`volBoards.kind.${l.kind}`)}>
        <List.Item extra={<Tag color={statusColor(l.status)}>{t(`volBoards.status.${l.status}`)}</Tag>} description={`${l.ownerName} · ${formatDateTime(l.createdAt)}`}>
          <strong>{l.title}</strong>
        </List.Item>
        {l.kind === 'carpool' && (
          <List.Item description={t(`volBoards.carpool.role.${l.carpoolRole}`)}>{carpoolLine(t, l)}</List.Item>
        )}
        {l.body && (
          <List.Item>
            <div className="gz-vb-body">{l.body}</div>
          </List.Item>
        )}
      </List>
      {photos.length > 0 && (
        <div className="gz-vb-photos">
          {photos.map((src, i) => (
            <Image key={src} src={src} width={96} height={96} fit="cover" alt={t('volBoards.h5.photo', { n: i + 1 })} onClick={() => setViewing(i)} />
          ))}
          <ImageViewer.Multi images={photos} visible={viewing !== null} defaultIndex={viewing ?? 0} onClose={() => setViewing(null)} />
        </div>
      )}
      {l.viewer === 'owner' ? <OwnerPart l={l} /> : l.viewer === 'resident' ? <NeighbourPart l={l} /> : null}
    </>
  );
}

function ContactLine({ name, phone }: { name: string; phone: string | null }) {
  const { t } = useTranslation();
  return (
    <div>
      {t('volBoards.h5.contact')}：{name} {phone ? <a href={`tel:${phone}`}>{phone}</a> : t('volBoards.h5.noPhone')}
    </div>
  );
}

function OwnerPart({ l }: { l: Listing }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const close = useClose(l.id);
  const given = useGiven(l.id);
  const confirm = async (content: string, run: () => Promise<unknown>) => {
    if (!(await Dialog.confirm({ content, confirmText: t('volBoards.h5.ok'), cancelText: t('volBoards.h5.cancel') }))) return;
    await run().catch(failed);
  };
  const live = l.status !== 'closed' && l.status !== 'given';
  return (
    <>
      <List header={t('volBoards.h5.requests', { n: l.requests.length })}>
        {l.requests.length === 0 ? (
          <List.Item>{t('volBoards.h5.noRequests')}</List.Item>
        ) : (
          l.requests.map((r) => (
            <List.Item
              key={r.id}
              description={
                <>
                  {r.message && <div>{r.message}</div>}
                  {r.contact && <ContactLine {...r.contact} />}
                </>
              }
              extra={<Tag color={r.status === 'accepted' ? 'success' : 'default'}>{t(`volBoards.request.${r.status}`)}</Tag>}
            >
              {r.requesterName}
              {r.seats ? ` · ${t('volBoards.carpool.seatsN', { n: r.seats })}` : ''}
              {live && r.status === 'pending' && !l.hidden && (
                <div className="gz-vb-actions">
                  <Button color="primary" size="large" onClick={() => confirm(t(l.kind === 'carpool' ? 'volBoards.h5.acceptCarpool' : 'volBoards.h5.reserveConfirm'), () => decide.mutateAsync({ requestId: r.id, verb: 'accept' }))}>
                    {t(l.kind === 'carpool' ? 'volBoards.h5.accept' : 'volBoards.h5.reserve')}
                  </Button>
                  <Button size="large" onClick={() => confirm(t('volBoards.h5.declineConfirm'), () => decide.mutateAsync({ requestId: r.id, verb: 'decline' }))}>
                    {t('volBoards.h5.decline')}
                  </Button>
                </div>
              )}
            </List.Item>
          ))
        )}
      </List>
      <div className="gz-padded gz-vb-actions">
        {l.kind === 'secondhand' && l.status === 'reserved' && (
          <Button block color="success" size="large" loading={given.isPending} onClick={() => confirm(t('volBoards.h5.givenConfirm'), () => given.mutateAsync(undefined))}>
            {t('volBoards.h5.given')}
          </Button>
        )}
        {l.status !== 'closed' && (
          <Button block size="large" loading={close.isPending} onClick={() => confirm(t('volBoards.h5.closeConfirm'), () => close.mutateAsync(undefined))}>
            {t('volBoards.h5.close')}
          </Button>
        )}
      </div>
    </>
  );
}

function NeighbourPart({ l }: { l: Listing }) {
  const { t } = useTranslation();
  const ask = useAsk(l.id);
  const decide = useDecide();
  const report = useReport(l.id);
  const [seats, setSeats] = useState(1);
  const [message, setMessage] = useState('');
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const mine = l.myRequest;
  const canAsk = (l.kind === 'carpool' || l.kind === 'secondhand') && l.status === 'open' && (!mine || mine.status === 'withdrawn');
  const submitReport = async () => {
    try {
      await report.mutateAsync(reason.trim());
      setReporting(false);
      Toast.show({ icon: 'success', content: t('volBoards.h5.reported') });
    } catch (err) {
      failed(err);
    }
  };
  return (
    <>
      {mine && mine.status !== 'withdrawn' && (
        <List header={t('volBoards.h5.myRequest')}>
          <List.Item
            extra={<Tag color={mine.status === 'accepted' ? 'success' : 'default'}>{t(`volBoards.request.${mine.status}`)}</Tag>}
            description={l.ownerContact ? <ContactLine {...l.ownerContact} /> : mine.status === 'pending' ? t('volBoards.h5.contactAfter') : undefined}
          >
            {mine.seats ? t('volBoards.carpool.seatsN', { n: mine.seats }) : t('volBoards.h5.asked')}
          </List.Item>
        </List>
      )}
      <div className="gz-padded gz-vb-actions">
        {canAsk && (
          <>
            {l.kind === 'carpool' && (
              <label>
                {t('volBoards.form.seatsWanted')} <Stepper min={1} max={Math.max(1, l.seatsLeft ?? 1)} value={seats} onChange={setSeats} digits={0} />
              </label>
            )}
            <TextArea value={message} onChange={setMessage} maxLength={200} placeholder={t('volBoards.h5.messagePlaceholder')} aria-label={t('volBoards.h5.message')} autoSize={{ minRows: 2 }} />
            <Button
              block
              color="primary"
              size="large"
              loading={ask.isPending}
              onClick={() =>
                void ask
                  .mutateAsync({ ...(l.kind === 'carpool' ? { seats } : {}), message: message.trim() })
                  .then(() => void Toast.show({ icon: 'success', content: t('volBoards.h5.askedToast') }))
                  .catch((e) => void failed(e))
              }
            >
              {t(l.kind === 'carpool' ? 'volBoards.h5.askCarpool' : 'volBoards.h5.askItem')}
            </Button>
          </>
        )}
        {mine && (mine.status === 'pending' || mine.status === 'accepted') && (
          <Button block size="large" onClick={() => void decide.mutateAsync({ requestId: mine.id, verb: 'withdraw' }).catch(failed)}>
            {t('volBoards.h5.withdraw')}
          </Button>
        )}
        <Button block fill="outline" color="danger" size="large" disabled={l.reportedByMe} onClick={() => setReporting(true)}>
          {l.reportedByMe ? t('volBoards.h5.reportedAlready') : t('volBoards.h5.report')}
        </Button>
      </div>
      <Popup visible={reporting} onMaskClick={() => setReporting(false)} bodyStyle={{ padding: 16 }}>
        <h2>{t('volBoards.h5.reportTitle')}</h2>
        <TextArea value={reason} onChange={setReason} maxLength={200} showCount placeholder={t('volBoards.h5.reasonPlaceholder')} aria-label={t('volBoards.h5.reason')} autoSize={{ minRows: 3 }} />
        <Button block color="danger" size="large" disabled={!reason.trim()} loading={report.isPending} onClick={submitReport}>
          {t('volBoards.h5.reportSubmit')}
        </Button>
      </Popup>
    </>
  );
}
