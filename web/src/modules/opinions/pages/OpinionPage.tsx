import { EyeInvisibleOutlined, EyeOutlined, FlagOutlined, MessageOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Opinion, useAnswerOpinion, useHideOpinion, useOpinion, usePromoteOpinion, useUnhideOpinion } from '../api.ts';
import { OpinionKindTag, OpinionStatusTag, RatingStars, VisibilityTag } from '../components/labels.tsx';

export function OpinionPage() {
  const { id = '' } = useParams();
  const opinion = useOpinion(id);
  return <QueryView query={opinion}>{(o) => <OpinionView key={o.id} opinion={o} />}</QueryView>;
}

type Dialog = 'answer' | 'hide' | 'promote' | null;

function OpinionView({ opinion: o }: { opinion: Opinion }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const answer = useAnswerOpinion(o.id);
  const hide = useHideOpinion(o.id);
  const unhide = useUnhideOpinion(o.id);
  const promote = usePromoteOpinion(o.id);

  const onUnhide = () =>
    modal.confirm({
      title: t('opinion.doUnhide'),
      content: t('opinion.unhideConfirm'),
      okText: t('opinion.doUnhide'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await unhide.mutateAsync();
        void message.success(t('opinion.restored'));
      },
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        breadcrumb={<Breadcrumb items={[{ key: 'list', title: <Link to="/opinions">{t('menu.opinions')}</Link> }, { key: 'me', title: o.title }]} />}
        title={o.title}
        tags={
          <>
            <OpinionKindTag kind={o.kind} />
            <VisibilityTag visibility={o.visibility} />
            <OpinionStatusTag opinion={o} />
          </>
        }
        extra={
          <>
            {o.can.answer && (
              <Button type="primary" icon={<MessageOutlined />} onClick={() => setDialog('answer')}>
                {t('opinion.doAnswer')}
              </Button>
            )}
            {o.can.promote && (
              <Button icon={<FlagOutlined />} onClick={() => setDialog('promote')}>
                {t('opinion.doPromote')}
              </Button>
            )}
            {o.can.hide && (
              <Button danger icon={<EyeInvisibleOutlined />} onClick={() => setDialog('hide')}>
                {t('opinion.doHide')}
              </Button>
            )}
            {o.can.unhide && (
              <Button icon={<EyeOutlined />} onClick={onUnhide}>
                {t('opinion.doUnhide')}
              </Button>
            )}
          </>
        }
      />
      {o.hidden && <Alert type="warning" showIcon title={t('opinion.hiddenBanner', { name: o.hiddenByName ?? '', reason: o.hiddenReason ?? '' })} />}
      {o.visibility === 'private' && <Alert type="info" showIcon title={t('opinion.privateHint')} />}
      <Card title={t('opinion.detail')}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'compound', label: t('opinion.compound'), children: o.compoundName },
            { key: 'room', label: t('opinion.room'), children: o.roomLabel ?? '—' },
            {
              key: 'author',
              label: t('opinion.author'),
              children: (
                <>
                  {o.authorName}
                  {o.authorPartyBadge && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('opinion.partyBadge')}
                    </Tag>
                  )}
                </>
              ),
            },
            { key: 'addressee', label: t('opinion.addresseeLabel'), children: o.addresseeName ?? t(`opinion.addressee.${o.addressee}`) },
            { key: 'at', label: t('opinion.postedAt'), children: formatDateTime(o.createdAt) },
            { key: 'metoo', label: t('opinion.meTooShort'), children: o.visibility === 'public' ? t('opinion.meTooCount', { count: o.meTooCount }) : '—' },
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16, marginBottom: 0, fontSize: 15 }}>{o.body}</Typography.Paragraph>
      </Card>
      <Card title={t('opinion.answer')}>
        {o.answer ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</Typography.Paragraph>
            <Descriptions
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'by', label: t('opinion.answeredBy'), children: o.answeredByName ?? o.addresseeName ?? '—' },
                { key: 'at', label: t('opinion.answeredAt'), children: formatDateTime(o.answeredAt) },
                { key: 'rating', label: t('opinion.rating'), children: <RatingStars rating={o.rating} /> },
                ...(o.ratingComment ? [{ key: 'comment', label: t('opinion.ratingComment'), children: o.ratingComment }] : []),
              ]}
            />
          </>
        ) : (
          <Typography.Text type="secondary">{t('opinion.noAnswerYet')}</Typography.Text>
        )}
      </Card>
      <Card title={t('opinion.timeline')}>
        <OpinionTimeline opinion={o} />
      </Card>

      <FormModal<{ answer: string }>
        title={t('opinion.doAnswer')}
        open={dialog === 'answer'}
        onClose={() => setDialog(null)}
        okText={t('opinion.doAnswer')}
        submit={async (v) => {
          await answer.mutateAsync(v.answer);
          void message.success(t('opinion.answered'));
        }}
      >
        <Alert type="info" showIcon title={t('opinion.answerConfirm')} style={{ marginBottom: 16 }} />
        <Form.Item name="answer" label={t('opinion.answer')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={6} maxLength={2000} showCount placeholder={t('opinion.answerPlaceholder')} />
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string }>
        title={t('opinion.hideTitle')}
        open={dialog === 'hide'}
        onClose={() => setDialog(null)}
        okText={t('opinion.doHide')}
        submit={async (v) => {
          await hide.mutateAsync(v.reason);
          void message.success(t('opinion.hidden'));
        }}
      >
        <Alert type="warning" showIcon title={t('opinion.hideConsequence')} style={{ marginBottom: 16 }} />
        <Form.Item name="reason" label={t('opinion.hideReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('opinion.hideReasonPlaceholder')} />
        </Form.Item>
      </FormModal>

      <FormModal<{ note?: string }>
        title={t('opinion.promoteTitle')}
        open={dialog === 'promote'}
        onClose={() => setDialog(null)}
        okText={t('opinion.doPromote')}
        submit={async (v) => {
          await promote.mutateAsync(v.note?.trim() || undefined);
          void message.success(t('opinion.promoted'));
        }}
      >
        <Alert type="info" showIcon title={t('opinion.promoteConsequence')} style={{ marginBottom: 16 }} />
        <Form.Item name="note" label={t('opinion.promoteNote')}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('opinion.promoteNotePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** Who did what, oldest first, from the opinion's own record (the audit log holds the full history). */
function OpinionTimeline({ opinion: o }: { opinion: Opinion }) {
  const { t } = useTranslation();
  const events: { at: string; text: string; color?: string }[] = [{ at: o.createdAt, text: t('opinion.event.posted', { name: o.authorName }) }];
  if (o.answeredAt) events.push({ at: o.answeredAt, text: t('opinion.event.answered', { name: o.answeredByName ?? o.addresseeName ?? '' }), color: 'green' });
  if (o.ratedAt && o.rating) events.push({ at: o.ratedAt, text: t('opinion.event.rated', { rating: o.rating }), color: 'green' });
  if (o.promotedAt) events.push({ at: o.promotedAt, text: t('opinion.event.promoted', { name: o.promotedByName ?? '' }), color: 'purple' });
  if (o.hiddenAt) events.push({ at: o.hiddenAt, text: t('opinion.event.hidden', { name: o.hiddenByName ?? '', reason: o.hiddenReason ?? '' }), color: 'gray' });
  events.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      items={[
        ...events.map((e) => ({ color: e.color, content: `${formatDateTime(e.at)}　${e.text}` })),
        ...(o.deliberationRef ? [{ color: 'purple', content: <Link to={`/deliberation/items/${o.deliberationRef}`}>{t('opinion.event.linked', { ref: o.deliberationRef })}</Link> }] : []),
        // A question about a line of the open books: the statements of the month, where the line and its question show.
        ...(o.subject ? [{ color: 'blue', content: o.subject.module === 'fees' ? <Link to={`/fees/books?q=${encodeURIComponent(o.subject.label.slice(0, 7))}`}>{t('opinion.about', { label: o.subject.label })}</Link> : t('opinion.about', { label: o.subject.label }) }] : []),
      ]}
    />
  );
}
