import { Button, Card, Dialog, DotLoading, ErrorBlock, List, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { type MyAdoption, type ResidentPlot, type Room, useMyGreen, useWithdraw } from '../api.ts';
import { ApplyPopup } from './ApplyPopup.tsx';
import { CertificateCard } from './CertificateCard.tsx';
import '../i18n.ts';

const STATUS_COLOR = { available: 'success', adopted: 'primary', closed: 'default' } as const;
const ADOPTION_COLOR = { pending: 'warning', active: 'success', rejected: 'danger', withdrawn: 'default', ended: 'default' } as const;

/** 认栽认养 (H5): my compound's plots, adopted or available (apply on an available one), and my adoptions. */
export function GreenPage() {
  const { t } = useTranslation();
  const q = useMyGreen();
  const [applying, setApplying] = useState<{ plot: ResidentPlot; rooms: Room[] } | null>(null);
  return (
    <>
      <BackTitle fallback="/services">{t('volGreen.h5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('volGreen.h5.loadFailed')} description={q.error.message} />
      ) : q.data.compounds.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('volGreen.h5.noCompound')} />
      ) : (
        <>
          {q.data.adoptions.filter((a) => a.current).map((a) => (
            <CertificateCard key={a.id} adoption={a} />
          ))}
          {q.data.compounds.map((c) => (
            <section key={c.compoundId} aria-label={c.compoundName}>
              <h2 style={{ fontSize: 17, margin: '16px 12px 8px' }}>{c.compoundName}</h2>
              {c.plots.length === 0 && <ErrorBlock status="empty" fullPage={false} title={t('volGreen.h5.noPlots')} />}
              {c.plots.map((p) => (
                <PlotCard key={p.id} plot={p} onApply={() => setApplying({ plot: p, rooms: c.rooms })} />
              ))}
            </section>
          ))}
          <MyAdoptions adoptions={q.data.adoptions} />
        </>
      )}
      {applying && <ApplyPopup plot={applying.plot} rooms={applying.rooms} onClose={() => setApplying(null)} />}
    </>
  );
}

function PlotCard({ plot, onApply }: { plot: ResidentPlot; onApply: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      title={plot.name}
      extra={
        <Space>
          {plot.adoptedByMe && <Tag color="danger">{t('volGreen.h5.mineTag')}</Tag>}
          <Tag color={STATUS_COLOR[plot.status]}>{t(`volGreen.status.${plot.status}`)}</Tag>
        </Space>
      }
      onBodyClick={() => navigate(`/volunteers/green/plots/${plot.id}`)}
      style={{ margin: '0 12px 12px', borderRadius: 12 }}
      data-testid="green-plot"
    >
      <div style={{ fontSize: 15, lineHeight: 1.7 }}>
        <div>
          {t('volGreen.h5.area', { area: plot.areaText })}
          {plot.location && ` · ${plot.location}`}
        </div>
        {plot.adopterName && (
          <div>
            {t('volGreen.h5.adoptedBy', { name: plot.adopterName })} · {t('volGreen.h5.adoptedUntil', { to: plot.adoptedTo })}
          </div>
        )}
        {plot.description && <div style={{ color: '#666' }}>{plot.description}</div>}
      </div>
      {plot.status === 'available' && (
        <Button
          block
          color="primary"
          size="large"
          style={{ marginTop: 12 }}
          onClick={(e) => {
            e.stopPropagation();
            onApply();
          }}
        >
          {t('volGreen.h5.apply')}
        </Button>
      )}
    </Card>
  );
}

function MyAdoptions({ adoptions }: { adoptions: MyAdoption[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const withdraw = useWithdraw();
  return (
    <List header={t('volGreen.h5.mine')}>
      {adoptions.length === 0 && <List.Item>{t('volGreen.h5.noneMine')}</List.Item>}
      {adoptions.map((a) => (
        <List.Item
          key={a.id}
          onClick={() => navigate(`/volunteers/green/plots/${a.plotId}`)}
          description={
            <>
              {a.compoundName} · {a.fromDay} — {a.toDay}
              {a.roomLabel && ` · ${a.roomLabel}`}
              {(a.rejectReason || a.endReason) && <div>{t('volGreen.h5.reason', { reason: a.rejectReason ?? a.endReason })}</div>}
            </>
          }
          extra={
            a.status === 'pending' ? (
              <Button
                size="small"
                onClick={async (e) => {
                  e.stopPropagation();
                  if (!(await Dialog.confirm({ content: t('volGreen.h5.withdrawConfirm') }))) return;
                  try {
                    await withdraw.mutateAsync(a.id);
                    Toast.show({ content: t('volGreen.h5.withdrawn') });
                  } catch (err) {
                    Toast.show({ content: (err as Error).message });
                  }
                }}
              >
                {t('volGreen.h5.withdraw')}
              </Button>
            ) : undefined
          }
        >
          {a.plotName} <Tag color={ADOPTION_COLOR[a.status]}>{t(`volGreen.adoptionStatus.${a.status}`)}</Tag>
        </List.Item>
      ))}
    </List>
  );
}
