import { Button, Form, Input, type TableColumnsType, Tag, Typography, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CORRECTION_FIELDS, CORRECTION_STATUSES } from '#server/modules/registry/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { type CorrectionRow, useAnswerCorrection, useCorrections } from './api.ts';
import { EXPORT_LIMIT, exportCorrectionsXlsx } from './export-corrections.ts';

const FILTERS = ['q', 'status', 'field'] as const;

/**
 * 信息更正: residents' requests to correct their record (PIPL art. 46) at the places I answer for; search by
 * name or request, filter by status and field, sort, export; answer an open one (the resident is told).
 */
export function CorrectionsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const corrections = useCorrections(list.query);
  const [answering, setAnswering] = useState<CorrectionRow | null>(null);

  const columns: TableColumnsType<CorrectionRow> = [
    {
      title: t('correction.person'),
      dataIndex: 'personName',
      key: 'person',
      sorter: true,
      render: (name: string, c) => <Link to={`/registry/persons/${c.personId}`}>{name}</Link>,
    },
    { title: t('correction.place'), dataIndex: 'placeName', render: (name: string, c) => <Link to={`/registry/places/${c.placeId}`}>{name}</Link> },
    { title: t('correction.fieldLabel'), dataIndex: 'field', sorter: true, render: (f: string) => t(`correction.field.${f}`) },
    {
      title: t('correction.request'),
      dataIndex: 'request',
      render: (request: string, c) => (
        <>
          <div>{request}</div>
          {c.answer && (
            <Typography.Text type="secondary">
              {t('correction.answer')}：{c.answer}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('correction.statusLabel'),
      dataIndex: 'status',
      sorter: true,
      render: (s: string) => <Tag color={s === 'open' ? 'orange' : 'green'}>{t(`correction.status.${s}`)}</Tag>,
    },
    { title: t('correction.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('correction.answeredAt'), dataIndex: 'answeredAt', sorter: true, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, c) =>
        c.status === 'open' && (
          <Button size="small" type="primary" onClick={() => setAnswering(c)}>
            {t('correction.answerAction')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('correction.title')}
        tags={<ScopeNote />}
        extra={
          <ExportButton
            total={corrections.data?.total ?? 0}
            limit={EXPORT_LIMIT}
            i18nPrefix="correction"
            run={(progress) => exportCorrectionsXlsx({ ...list.filters, ...list.sorting }, t, progress)}
          />
        }
      />
      <ListCard
        list={list}
        intro={<Typography.Paragraph type="secondary">{t('correction.intro')}</Typography.Paragraph>}
        search={{ label: t('correction.searchPlaceholder'), width: 280 }}
        selects={[
          { field: 'status', label: t('correction.statusFilter'), options: optionsOf(CORRECTION_STATUSES, (s) => t(`correction.status.${s}`)), width: 140 },
          { field: 'field', label: t('correction.fieldFilter'), options: optionsOf(CORRECTION_FIELDS, (f) => t(`correction.field.${f}`)), width: 180 },
        ]}
        query={corrections}
        columns={columns}
        empty={{ none: t('correction.none'), noMatch: t('correction.noMatch') }}
      />
      <AnswerModal correction={answering} onClose={() => setAnswering(null)} />
    </>
  );
}

/** The answer to one open request: what was asked, a required answer, confirm. */
function AnswerModal({ correction, onClose }: { correction: CorrectionRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerCorrection();
  return (
    <FormModal<{ answer: string }>
      title={t('correction.answerTitle')}
      open={correction !== null}
      onClose={onClose}
      okText={t('correction.answerConfirm')}
      submit={async ({ answer: text }) => {
        await answer.mutateAsync({ id: correction!.id, answer: text.trim() });
        void message.success(t('correction.answered'));
      }}
    >
      {correction && (
        <Typography.Paragraph>
          <Typography.Text strong>
            {correction.personName} · {t(`correction.field.${correction.field}`)}
          </Typography.Text>
          <br />
          {correction.request}
        </Typography.Paragraph>
      )}
      <Form.Item name="answer" label={t('correction.answerLabel')} rules={[{ required: true, whitespace: true, message: t('correction.answerRequired') }]}>
        <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('correction.answerPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
