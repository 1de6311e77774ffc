import { Button, Card, Checkbox, DotLoading, ErrorBlock, Form, Image, type ImageUploadItem, Input, Rate, Selector, Space, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_CATEGORY_KEYS, EVENT_DESCRIPTION_MAX, EVENT_LOCATION_MAX, RATING_COMMENT_MAX } from '#server/modules/grid/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { type GridEvent, type MyEvents, useMyEvents, useRate, useReport } from '../api.ts';
import { PhotoPicker } from '../components/PhotoPicker.tsx';
import '../i18n.ts';

const SECTION = { fontSize: '1.15em', margin: '16px 0 8px' } as const;
const COLOUR: Record<GridEvent['status'], string> = { reported: 'primary', dispatched: 'warning', handling: 'warning', resolved: 'success', closed: 'success', dismissed: 'default' };

/**
 * 随手拍 (H5): report a problem at my compound (place, category, description, photos) with one big 「上报」 button, and
 * the events I reported with their status and progress; a closed one I rate once. Phone first, elderly-mode friendly.
 */
export function EventsH5Page() {
  const { t } = useTranslation();
  const q = useMyEvents();
  return (
    <>
      <BackTitle fallback="/">{t('gridEvents.h5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <div className="gz-padded">
          <h2 style={SECTION}>{t('gridEvents.h5.report')}</h2>
          {q.data.compounds.length === 0 ? <p>{t('gridEvents.h5.noCompound')}</p> : <ReportForm compounds={q.data.compounds} />}
          <h2 style={SECTION}>{t('gridEvents.h5.mine')}</h2>
          {q.data.events.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={t('gridEvents.h5.none')} description="" />
          ) : (
            q.data.events.map((e) => <EventCard key={e.id} event={e} />)
          )}
        </div>
      )}
    </>
  );
}

function ReportForm({ compounds }: { compounds: MyEvents['compounds'] }) {
  const { t } = useTranslation();
  const report = useReport(true);
  const places = compounds.flatMap((c) => [{ value: c.id, label: c.name }, ...c.buildings.map((b) => ({ value: b.id, label: `${c.name} ${b.name}` }))]);
  const [placeId, setPlaceId] = useState(places[0]?.value ?? '');
  const [category, setCategory] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);

  const submit = async () => {
    if (!category || !description.trim()) return;
    try {
      await report.mutateAsync({
        fields: { placeId, category, location: location.trim() || undefined, description: description.trim(), urgency: urgent ? 'urgent' : 'normal' },
        photos: photos.map((p) => p.extra as Blob).filter(Boolean),
      });
      Toast.show({ icon: 'success', content: t('gridEvents.h5.submitted') });
      setCategory(null);
      setLocation('');
      setDescription('');
      setUrgent(false);
      setPhotos([]);
    } catch (err) {
      Toast.show({ content: (err as Error).message, duration: 3000 });
    }
  };

  return (
    <Form layout="vertical" footer={<Button block color="primary" size="large" loading={report.isPending} disabled={!category || !description.trim()} onClick={() => void submit()}>{t('gridEvents.h5.submit')}</Button>}>
      <Form.Item label={t('gridEvents.h5.place')}>
        <Selector columns={1} options={places} value={[placeId]} onChange={(v) => v[0] && setPlaceId(v[0])} />
      </Form.Item>
      <Form.Item label={t('gridEvents.h5.category')} required>
        <Selector columns={2} options={EVENT_CATEGORY_KEYS.map((c) => ({ value: c, label: t(`gridEvents.category.${c}`) }))} value={category ? [category] : []} onChange={(v) => setCategory(v[0] ?? null)} />
      </Form.Item>
      <Form.Item label={t('gridEvents.h5.location')}>
        <Input value={location} onChange={setLocation} maxLength={EVENT_LOCATION_MAX} placeholder={t('gridEvents.h5.locationPlaceholder')} clearable />
      </Form.Item>
      <Form.Item label={t('gridEvents.h5.description')} required>
        <TextArea value={description} onChange={setDescription} maxLength={EVENT_DESCRIPTION_MAX} rows={4} showCount placeholder={t('gridEvents.h5.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={urgent} onChange={setUrgent}>
          {t('gridEvents.h5.urgent')}
        </Checkbox>
      </Form.Item>
      <Form.Item label={t('gridEvents.h5.photos')}>
        <PhotoPicker value={photos} onChange={setPhotos} />
      </Form.Item>
    </Form>
  );
}

function EventCard({ event: e }: { event: GridEvent }) {
  const { t } = useTranslation();
  const rate = useRate(true);
  const [stars, setStars] = useState(5);
  const [comment, setComment] = useState('');
  const onRate = async () => {
    try {
      await rate.mutateAsync({ id: e.id, stars, comment: comment.trim() });
      Toast.show({ icon: 'success', content: t('gridEvents.h5.rated') });
    } catch (err) {
      Toast.show({ content: (err as Error).message, duration: 3000 });
    }
  };
  return (
    <Card title={`${t(`gridEvents.category.${e.category}`)} · ${e.compoundName}`} extra={<Tag color={COLOUR[e.status]}>{t(`gridEvents.status.${e.status}`)}</Tag>} style={{ marginBottom: 12 }}>
      <div style={{ display: 'grid', gap: 6 }}>
        <div>{[e.placeId !== e.compoundId ? e.placeName : '', e.location].filter(Boolean).join(' · ')}</div>
        <div style={{ whiteSpace: 'pre-wrap' }}>{e.description}</div>
        {e.files.length > 0 && (
          <Space wrap>
            {e.files
              .filter((f) => !f.purgedAt)
              .map((f, i) => (
                <Image key={f.id} src={`/api/grid/files/${f.id}`} width={72} height={72} fit="cover" alt={t('gridEvents.detail.photoAlt', { n: i + 1 })} />
              ))}
          </Space>
        )}
        {e.resolutionNote && <div>{t('gridEvents.h5.resolution', { note: e.resolutionNote })}</div>}
        {e.rating !== null && <div>{t('gridEvents.h5.myRating', { stars: e.rating })}</div>}
      </div>
      <h3 style={{ fontSize: '1em', margin: '12px 0 4px' }}>{t('gridEvents.h5.timeline')}</h3>
      <Steps direction="vertical" current={e.timeline.length - 1}>
        {e.timeline.map((s, i) => (
          <Steps.Step
            key={`${s.kind}-${i}`}
            title={`${t(`gridEvents.step.${s.kind}`)}${s.body && (s.kind === 'dispatched' || s.kind === 'reassigned') ? ` → ${t(`gridEvents.body.${s.body}`)}` : ''}`}
            description={[formatDateTime(s.at), s.note].filter(Boolean).join(' · ')}
          />
        ))}
      </Steps>
      {e.actions.includes('rate') && (
        <div style={{ display: 'grid', gap: 8 }}>
          <h3 style={{ fontSize: '1em', margin: '8px 0 0' }}>{t('gridEvents.h5.rate')}</h3>
          <Rate value={stars} onChange={setStars} style={{ '--star-size': '32px' }} />
          <TextArea value={comment} onChange={setComment} maxLength={RATING_COMMENT_MAX} rows={2} placeholder={t('gridEvents.h5.comment')} />
          <Button block color="primary" size="large" loading={rate.isPending} onClick={() => void onRate()}>
            {t('gridEvents.h5.rateSubmit')}
          </Button>
        </div>
      )}
    </Card>
  );
}
