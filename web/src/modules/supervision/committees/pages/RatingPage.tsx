import { DeleteOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Image, Input, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CommitteeDimension } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { evidenceUrl, type Rating, useRating, useRemoveEvidence, useSaveScore, useSubmitRating, useUploadEvidence } from '../api.ts';
import { RatingStatus, score, Stars } from '../components/labels.tsx';

/** One rating: five dimensions, each a score, a note and its evidence; submit computes the score and stars and freezes it. */
export function RatingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const rating = useRating(id);
  return (
    <QueryView query={rating}>
      {(r) => (
        <>
          <PageHeader
            title={`${r.committeeName} · ${t('supervisionCommittees.page.yearLabel', { year: r.period })}`}
            breadcrumb={<Link to="/supervision/committees">{t('supervisionCommittees.page.title')}</Link>}
            tags={<RatingStatus status={r.status} />}
            extra={<Link to={`/supervision/committees/${r.committeeId}`}>{t('supervisionCommittees.rating.history')}</Link>}
          />
          <Summary rating={r} />
          {r.dimensions.map((d) => (
            <DimensionCard key={d.dimension} rating={r} dimension={d} />
          ))}
        </>
      )}
    </QueryView>
  );
}

function Summary({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useSubmitRating(rating.id);
  const missing = rating.dimensions.filter((d) => d.scoreCenti === null || d.files.length === 0).map((d) => t(`supervisionCommittees.dimension.${d.dimension}`));
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 4 }} size="small">
        <Descriptions.Item label={t('supervisionCommittees.col.rater')}>{rating.raterName}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionCommittees.col.score')}>{score(rating.scoreCenti)}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionCommittees.col.stars')}>
          <Stars stars={rating.stars} size={18} />
        </Descriptions.Item>
        <Descriptions.Item label={t('supervisionCommittees.rating.submittedAt')}>{rating.submittedAt ? formatDateTime(rating.submittedAt) : '—'}</Descriptions.Item>
      </Descriptions>
      {rating.editable && (
        <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
          {missing.length > 0 ? (
            <Alert type="info" showIcon title={t('supervisionCommittees.rating.missing', { list: missing.join('、') })} />
          ) : (
            <Typography.Text type="secondary">{t('supervisionCommittees.rating.ready')}</Typography.Text>
          )}
          <Popconfirm
            title={t('supervisionCommittees.rating.submitConfirm')}
            onConfirm={async () => {
              try {
                const r = await submit.mutateAsync();
                void message.success(t('supervisionCommittees.rating.submitted', { score: score(r.scoreCenti), count: r.stars ?? 0 }));
              } catch (err) {
                void message.error((err as Error).message);
              }
            }}
          >
            <Button type="primary" size="large" loading={submit.isPending} disabled={missing.length > 0}>
              {t('supervisionCommittees.rating.submit')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Card>
  );
}

function DimensionCard({ rating, dimension: d }: { rating: Rating; dimension: Rating['dimensions'][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveScore(rating.id);
  const upload = useUploadEvidence(rating.id);
  const remove = useRemoveEvidence(rating.id);
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState<number | null>(d.scoreCenti === null ? null : d.scoreCenti / 100);
  const [note, setNote] = useState(d.note);
  const fail = (err: unknown) => void message.error((err as Error).message);
  const weight = (rating.settings as { weights?: Record<CommitteeDimension, number> } | null)?.weights?.[d.dimension];
  const dirty = (value === null ? null : Math.round(value * 100)) !== d.scoreCenti || note !== d.note;
  return (
    <Card
      style={{ marginBottom: 12 }}
      title={
        <Space>
          {t(`supervisionCommittees.dimension.${d.dimension}`)}
          {weight !== undefined && <Typography.Text type="secondary">{t('supervisionCommittees.rating.weight', { weight })}</Typography.Text>}
        </Space>
      }
      extra={!rating.editable && <Typography.Text strong>{score(d.scoreCenti)}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary">{t(`supervisionCommittees.dimensionHint.${d.dimension}`)}</Typography.Paragraph>
      {rating.editable ? (
        <Flex gap={12} wrap align="flex-start">
          <InputNumber
            aria-label={t('supervisionCommittees.rating.score')}
            addonAfter={t('supervisionCommittees.rating.points')}
            min={0}
            max={100}
            step={0.5}
            precision={2}
            value={value}
            onChange={(v) => setValue(v)}
            size="large"
            style={{ width: 180 }}
          />
          <Input.TextArea aria-label={t('supervisionCommittees.rating.note')} placeholder={t('supervisionCommittees.rating.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} style={{ flex: 1, minWidth: 240 }} />
          <Button
            size="large"
            disabled={value === null || !dirty}
            loading={save.isPending}
            onClick={() => save.mutate({ dimension: d.dimension, scoreCenti: Math.round((value ?? 0) * 100), note }, { onError: fail, onSuccess: () => void message.success(t('supervisionCommittees.rating.saved')) })}
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : (
        d.note && <Typography.Paragraph>{d.note}</Typography.Paragraph>
      )}
      <Flex gap={12} wrap align="center" style={{ marginTop: 12 }}>
        {d.files.map((f) => (
          <Space key={f.id} direction="vertical" size={2} align="center">
            {f.mime.startsWith('image/') ? (
              <Image src={evidenceUrl(rating.id, f.id)} alt={f.name} width={96} height={72} style={{ objectFit: 'cover' }} />
            ) : (
              <a href={evidenceUrl(rating.id, f.id)} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            )}
            {rating.editable && (
              <Popconfirm title={t('supervisionCommittees.rating.removeConfirm')} onConfirm={() => remove.mutate(f.id, { onError: fail })}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('supervisionCommittees.rating.remove')} />
              </Popconfirm>
            )}
          </Space>
        ))}
        {d.files.length === 0 && <Typography.Text type="warning">{t('supervisionCommittees.rating.noEvidence')}</Typography.Text>}
        {rating.editable && (
          <>
            <input
              ref={input}
              type="file"
              accept="image/jpeg,image/png,image/webp,application/pdf"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) upload.mutate({ dimension: d.dimension, file }, { onError: fail, onSuccess: () => void message.success(t('supervisionCommittees.rating.uploaded')) });
              }}
            />
            <Button size="large" icon={<FileAddOutlined />} onClick={() => input.current?.click()} loading={upload.isPending}>
              {t('supervisionCommittees.rating.addEvidence')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
