import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Radio, Result, Space, Spin, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DESCRIPTION_MAX, TITLE_MAX } from '#server/modules/surveys/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ApiError } from '../../../shared/api.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { downloadSurveyXlsx, type ResponseRow, type Survey, useCloseSurvey, usePublishSurvey, useSetQuestions, useSurvey, useSurveyResponses, useUpdateSurvey } from '../api.ts';
import { fromShanghaiInput, shanghaiInput, SurveyStatusTag } from '../components/labels.tsx';
import { blankQuestion, type EditedQuestion, QuestionsEditor, toInput } from '../components/QuestionsEditor.tsx';
import { ResultsView } from '../components/ResultsView.tsx';

/** One survey: the builder while a draft; then its results (charts), raw responses and the xlsx; publish and close. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useSurvey(id);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'} title={q.error.message} />;
  const s = q.data;
  return (
    <>
      <PageHeader title={s.title} tags={<SurveyStatusTag status={s.status} />} extra={<Actions survey={s} />} />
      <Tabs
        defaultActiveKey={s.status === 'draft' ? 'builder' : 'results'}
        items={[
          { key: 'builder', label: s.can.edit ? t('surveys.tab.builder') : t('surveys.tab.settings'), children: <Builder survey={s} /> },
          ...(s.status === 'draft' ? [] : [{ key: 'results', label: t('surveys.tab.results'), children: <ResultsView survey={s} /> }]),
          ...(s.status === 'draft' ? [] : [{ key: 'responses', label: t('surveys.tab.responses', { count: s.responses }), children: <Responses survey={s} /> }]),
        ]}
      />
    </>
  );
}

/** Publish (a confirmation saying who is told and that nothing can be edited after) and close early; the xlsx. */
function Actions({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const publish = usePublishSurvey(s.id);
  const close = useCloseSurvey(s.id);
  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : String(err));
  return (
    <Space>
      {s.status !== 'draft' && (
        <ExportButton total={s.responses} i18nPrefix="surveys" run={() => downloadSurveyXlsx(s.id, `${s.title}.xlsx`).then(() => s.responses)} />
      )}
      {s.can.publish && (
        <Button
          type="primary"
          onClick={() =>
            modal.confirm({
              title: t('surveys.publish.title'),
              content: (
                <ul>
                  <li>{t('surveys.publish.who', { place: s.placeName, audience: t(`surveys.audience.${s.audience}`), eligible: s.eligible, per: t(`surveys.per.${s.answerPer}`) })}</li>
                  <li>{t('surveys.publish.when', { opensAt: formatDateTime(s.opensAt), closesAt: formatDateTime(s.closesAt) })}</li>
                  <li>{t('surveys.publish.notify')}</li>
                  <li>{t('surveys.publish.frozen', { count: s.questions.length })}</li>
                  {s.anonymous && <li>{t('surveys.publish.anonymous')}</li>}
                </ul>
              ),
              okText: t('surveys.publish.ok'),
              onOk: () => publish.mutateAsync(undefined).then(() => void message.success(t('surveys.publish.done')), fail),
            })
          }
        >
          {t('surveys.publish.button')}
        </Button>
      )}
      {s.can.close && (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: t('surveys.close.title'),
              content: t('surveys.close.content', { responses: s.responses, closesAt: formatDateTime(s.closesAt) }),
              okText: t('surveys.close.ok'),
              okButtonProps: { danger: true },
              onOk: () => close.mutateAsync(undefined).then(() => void message.success(t('surveys.close.done')), fail),
            })
          }
        >
          {t('surveys.close.button')}
        </Button>
      )}
    </Space>
  );
}

interface Settings {
  title: string;
  description: string;
  audience: 'residents' | 'owners';
  answerPer: 'account' | 'household';
  anonymous: boolean;
  resultsPublic: boolean;
  opensAt: string;
  closesAt: string;
}

const editedOf = (s: Survey): EditedQuestion[] =>
  s.questions.map((q) => ({ kind: q.kind, prompt: q.prompt, options: q.options, maxChoices: q.maxChoices, min: q.min ?? 1, max: q.max ?? 5, required: q.required }));

/** Settings and questions, saved together; read-only once published. */
function Builder({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const [questions, setQuestions] = useState<EditedQuestion[]>(() => (s.questions.length ? editedOf(s) : [blankQuestion('single')]));
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateSurvey(s.id);
  const saveQuestions = useSetQuestions(s.id);
  const disabled = !s.can.edit;
  useEffect(() => setQuestions(s.questions.length ? editedOf(s) : [blankQuestion('single')]), [s]);
  const save = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      await update.mutateAsync({ ...v, opensAt: fromShanghaiInput(v.opensAt), closesAt: fromShanghaiInput(v.closesAt) });
      await saveQuestions.mutateAsync(questions.map(toInput));
      void message.success(t('surveys.builder.saved'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Flex vertical gap={16}>
      {!disabled ? <Alert type="info" showIcon message={t('surveys.builder.draftNote')} /> : s.status !== 'draft' && <Alert type="warning" showIcon message={t('surveys.builder.frozen')} />}
      <Card title={t('surveys.builder.settings')} size="small">
        <Form<Settings>
          form={form}
          layout="vertical"
          disabled={disabled}
          initialValues={{
            title: s.title,
            description: s.description,
            audience: s.audience,
            answerPer: s.answerPer,
            anonymous: s.anonymous,
            resultsPublic: s.resultsPublic,
            opensAt: shanghaiInput(s.opensAt),
            closesAt: shanghaiInput(s.closesAt),
          }}
        >
          <Descriptions size="small" column={1} items={[{ key: 'place', label: t('surveys.field.place'), children: s.placeName }]} />
          <Form.Item name="title" label={t('surveys.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: TITLE_MAX }]}>
            <Input maxLength={TITLE_MAX} showCount />
          </Form.Item>
          <Form.Item name="description" label={t('surveys.field.description')}>
            <Input.TextArea maxLength={DESCRIPTION_MAX} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Flex gap={24} wrap>
            <Form.Item name="audience" label={t('surveys.field.audience')}>
              <Radio.Group options={(['residents', 'owners'] as const).map((v) => ({ value: v, label: t(`surveys.audience.${v}`) }))} />
            </Form.Item>
            <Form.Item name="answerPer" label={t('surveys.field.answerPer')}>
              <Radio.Group options={(['account', 'household'] as const).map((v) => ({ value: v, label: t(`surveys.answerPer.${v}`) }))} />
            </Form.Item>
            <Form.Item name="anonymous" label={t('surveys.field.anonymous')} valuePropName="checked" extra={t('surveys.builder.anonymousHelp')}>
              <Switch />
            </Form.Item>
            <Form.Item name="resultsPublic" label={t('surveys.field.resultsPublic')} valuePropName="checked">
              <Checkbox>{t('surveys.builder.resultsPublicHelp')}</Checkbox>
            </Form.Item>
          </Flex>
          <Flex gap={24} wrap>
            <Form.Item name="opensAt" label={t('surveys.field.opensAt')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="closesAt" label={t('surveys.field.closesAt')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Card title={t('surveys.builder.questions')} size="small">
        <QuestionsEditor value={questions} onChange={setQuestions} disabled={disabled} />
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      {!disabled && (
        <div>
          <Button type="primary" onClick={() => void save()} loading={update.isPending || saveQuestions.isPending}>
            {t('surveys.builder.save')}
          </Button>
        </div>
      )}
    </Flex>
  );
}

/** The raw responses: a named survey's with masked names and rooms; an anonymous one's with neither. */
function Responses({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const responses = useSurveyResponses(s.id, { page, pageSize: 20 });
  const show = (r: ResponseRow, no: number) => {
    const a = r.answers.find((x) => x.no === no);
    const q = s.questions.find((x) => x.no === no)!;
    if (!a) return '';
    if (a.choices) return a.choices.map((c) => q.options[c]).join('；');
    return a.scale ?? a.text ?? '';
  };
  const columns = useMemo(
    () => [
      ...(s.anonymous
        ? [{ title: t('surveys.responses.day'), key: 'day', render: (_: unknown, r: ResponseRow) => r.submittedOn }]
        : [
            { title: t('surveys.responses.respondent'), key: 'who', render: (_: unknown, r: ResponseRow) => r.respondent ?? '—' },
            { title: t('surveys.responses.room'), key: 'room', render: (_: unknown, r: ResponseRow) => r.room ?? '—' },
            { title: t('surveys.responses.at'), key: 'at', render: (_: unknown, r: ResponseRow) => formatDateTime(r.submittedAt) },
          ]),
      ...s.questions.map((q) => ({ title: `${q.no}. ${q.prompt}`, key: `q${q.no}`, ellipsis: true, render: (_: unknown, r: ResponseRow) => show(r, q.no) })),
    ],
    [s, t],
  );
  return (
    <Flex vertical gap={8}>
      {s.anonymous && <Typography.Text type="secondary">{t('surveys.responses.anonymousNote')}</Typography.Text>}
      <Table<ResponseRow & { key: number }>
        size="small"
        loading={responses.isFetching}
        // Responses carry no id (an anonymous one must not be nameable): rows are keyed by their place in the list.
        dataSource={(responses.data?.items ?? []).map((r, i) => ({ ...r, key: (page - 1) * 20 + i }))}
        columns={columns}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: responses.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </Flex>
  );
}
