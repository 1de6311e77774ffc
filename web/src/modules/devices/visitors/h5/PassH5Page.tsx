import { Button, Card, Dialog, DotLoading, ErrorBlock, Tag, Toast } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useCancelPass, useMyPass } from '../api.ts';
import { PASS_TAG } from './PassesH5Page.tsx';
import '../i18n.ts';

/** The QR code of a pass's code, drawn in the browser (a data URL for an <img>). */
function useQr(text: string | undefined) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void QRCode.toDataURL(text, { width: 480, margin: 1, errorCorrectionLevel: 'M' }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [text]);
  return src;
}

/** A pass (H5): its QR code to send the visitor (a screenshot will do), the window, the visitor, arrival; cancel it while it runs. */
export function PassH5Page() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyPass(id);
  const cancel = useCancelPass();
  const qr = useQr(q.data && (q.data.state === 'upcoming' || q.data.state === 'used') ? q.data.code : undefined);
  const onCancel = async () => {
    if (!(await Dialog.confirm({ content: t('devicesVisitors.h5.cancelConfirm'), confirmText: t('devicesVisitors.h5.cancelPass'), cancelText: t('devicesVisitors.h5.keep') }))) return;
    try {
      await cancel.mutateAsync(id);
      Toast.show({ icon: 'success', content: t('devicesVisitors.h5.cancelled') });
    } catch (err) {
      Toast.show({ content: (err as Error).message });
    }
  };
  return (
    <>
      <BackTitle fallback="/devices/passes">{t('devicesVisitors.h5.passTitle')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <div className="gz-padded">
          <Card title={<span style={{ fontSize: '1.2em' }}>{q.data.visitorName}</span>} extra={<Tag color={PASS_TAG[q.data.state]}>{t(`devicesVisitors.passState.${q.data.state}`)}</Tag>}>
            <div style={{ display: 'grid', gap: 8, fontSize: '1.05em', justifyItems: 'center', textAlign: 'center' }}>
              {qr ? <img src={qr} alt={t('devicesVisitors.h5.qrAlt')} style={{ width: '100%', maxWidth: 280, aspectRatio: '1 / 1' }} data-testid="pass-qr" /> : q.data.state === 'upcoming' || q.data.state === 'used' ? <DotLoading /> : null}
              <div>
                {q.data.compoundName} {q.data.roomLabel}
              </div>
              <div style={{ fontWeight: 600 }}>
                {formatDateTime(q.data.validFrom)} – {formatDateTime(q.data.validTo)}
              </div>
              {q.data.plate && <div>{t('devicesVisitors.h5.plateLine', { plate: q.data.plate })}</div>}
              {q.data.visitorPhoneMasked && <div>{q.data.visitorPhoneMasked}</div>}
              {q.data.purpose && <div>{q.data.purpose}</div>}
              {q.data.arrivedAt && <div>{t('devicesVisitors.h5.arrivedAt', { at: formatDateTime(q.data.arrivedAt) })}</div>}
              {q.data.leftAt && <div>{t('devicesVisitors.h5.leftAt', { at: formatDateTime(q.data.leftAt) })}</div>}
              {(q.data.state === 'upcoming' || q.data.state === 'used') && <p style={{ color: 'var(--adm-color-weak)', margin: 0 }}>{t('devicesVisitors.h5.shareHint')}</p>}
            </div>
          </Card>
          {q.data.state === 'upcoming' || (q.data.state === 'used' && new Date(q.data.validTo) > new Date()) ? (
            <Button block color="danger" fill="outline" style={{ marginTop: 16, minHeight: 52, fontSize: '1.15em' }} onClick={() => void onCancel()}>
              {t('devicesVisitors.h5.cancelPass')}
            </Button>
          ) : null}
        </div>
      )}
    </>
  );
}
