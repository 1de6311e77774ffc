import { Button, DotLoading, ErrorBlock, Image, ImageViewer, List, Space, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { photoUrl, useMyPlot } from '../api.ts';
import { ApplyPopup } from './ApplyPopup.tsx';
import { CareForm } from './CareForm.tsx';
import { CertificateCard } from './CertificateCard.tsx';
import '../i18n.ts';

/** A plot of my compound (H5): its facts, my adoption (certificate, record care) or 申请认养, and its care records with photos. */
export function PlotPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyPlot(id);
  const [applying, setApplying] = useState(false);
  const [viewing, setViewing] = useState<string[] | null>(null);
  if (q.isPending)
    return (
      <>
        <BackTitle fallback="/volunteers/green">{t('volGreen.h5.detail')}</BackTitle>
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      </>
    );
  if (q.isError)
    return (
      <>
        <BackTitle fallback="/volunteers/green">{t('volGreen.h5.detail')}</BackTitle>
        <ErrorBlock status="empty" fullPage={false} title={t('volGreen.h5.notFound')} description={q.error.message} />
      </>
    );
  const { plot, care, adoptions, rooms } = q.data;
  const current = adoptions.find((a) => a.current);
  return (
    <>
      <BackTitle fallback="/volunteers/green">{plot.name}</BackTitle>
      <List header={plot.compoundName}>
        <List.Item extra={<Tag color={plot.status === 'available' ? 'success' : 'primary'}>{t(`volGreen.status.${plot.status}`)}</Tag>}>
          {t('volGreen.h5.area', { area: plot.areaText })}
          {plot.location && ` · ${plot.location}`}
        </List.Item>
        {plot.adopterName && (
          <List.Item>
            {t('volGreen.h5.adoptedBy', { name: plot.adopterName })} · {t('volGreen.h5.adoptedUntil', { to: plot.adoptedTo })}
          </List.Item>
        )}
        {plot.description && <List.Item>{plot.description}</List.Item>}
      </List>
      {plot.status === 'available' && (
        <div style={{ padding: 12 }}>
          <Button block color="primary" size="large" onClick={() => setApplying(true)}>
            {t('volGreen.h5.apply')}
          </Button>
        </div>
      )}
      {current && (
        <>
          <CertificateCard adoption={current} />
          <CareForm adoptionId={current.id} />
        </>
      )}
      <List header={t('volGreen.h5.careRecords')}>
        {care.length === 0 && <List.Item>{t('volGreen.h5.noCare')}</List.Item>}
        {care.map((c) => (
          <List.Item
            key={c.id}
            description={
              <>
                {c.note && <div style={{ fontSize: 15, color: '#333' }}>{c.note}</div>}
                {c.photoIds.length > 0 && (
                  <Space wrap style={{ marginTop: 8 }}>
                    {c.photoIds.map((p) => (
                      <Image key={p} src={photoUrl(p)} width={88} height={88} fit="cover" style={{ borderRadius: 6 }} onClick={() => setViewing(c.photoIds.map(photoUrl))} alt="" />
                    ))}
                  </Space>
                )}
              </>
            }
            extra={formatDateTime(c.createdAt)}
          >
            <Tag color="success">{t(`volGreen.care.${c.kind}`)}</Tag> {c.personName}
          </List.Item>
        ))}
      </List>
      {viewing && <ImageViewer.Multi images={viewing} visible onClose={() => setViewing(null)} />}
      {applying && <ApplyPopup plot={plot} rooms={rooms} onClose={() => setApplying(false)} />}
    </>
  );
}
