import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Popconfirm,
  Progress,
  Result,
  Segmented,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, apiGet } from '../../../shared/api.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type Place, registryKeys } from '../api.ts';
import { PlaceTreeSelect } from '../components/PlaceTreeSelect.tsx';
import {
  commitImport,
  fetchImport,
  type ImportField,
  type ImportIssue,
  type ImportView,
  type Mapping,
  reportUrl,
  rerunDryRun,
  TEMPLATE_URL,
  uploadImportFile,
  useTask,
} from './api.ts';
import './i18n.ts';

const FIELDS: ImportField[] = ['compound', 'building', 'unit', 'room', 'floor', 'area', 'areaSource', 'use', 'name', 'idNumber', 'phone', 'relation', 'share', 'tags'];

type Stage = { kind: 'pick' } | { kind: 'checking'; importId: string; taskId: string } | { kind: 'checked'; importId: string } | { kind: 'committing'; importId: string; taskId: string } | { kind: 'finished'; importId: string; ok: boolean; error?: string };

/** Upload → dry run (with column mapping) → commit with a progress bar → summary. */
export function ImportPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const queryClient = useQueryClient();
  // From a compound's page (?place=…), else the workbench scope.
  const [params] = useSearchParams();
  const fromLink = params.get('place');
  const [target, setTarget] = useState<{ id: string; name: string } | null>(fromLink ? { id: fromLink, name: '' } : scope);
  const linked = useQuery({ queryKey: registryKeys.place(fromLink ?? ''), queryFn: () => apiGet<Place>(`/api/places/${fromLink}`), enabled: !!fromLink });
  const targetName = target && target.id === fromLink && !target.name ? (linked.data?.name ?? '') : (target?.name ?? '');
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [view, setView] = useState<ImportView | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const taskId = stage.kind === 'checking' || stage.kind === 'committing' ? stage.taskId : null;
  const task = useTask(taskId);

  // When a task finishes, load the import's report and move on.
  useEffect(() => {
    const tv = task.data;
    if (!tv || tv.status === 'running' || (stage.kind !== 'checking' && stage.kind !== 'committing')) return;
    const importId = stage.importId;
    void fetchImport(importId).then((v) => {
      setView(v);
      if (stage.kind === 'checking') {
        if (tv.status === 'failed') setStage({ kind: 'finished', importId, ok: false, error: errorText(tv.error) });
        else setStage({ kind: 'checked', importId });
      } else {
        if (tv.status === 'done') void queryClient.invalidateQueries({ queryKey: registryKeys.all });
        setStage({ kind: 'finished', importId, ok: tv.status === 'done', error: tv.status === 'failed' ? errorText(tv.error) : undefined });
      }
    });
  }, [task.data, stage, queryClient]);

  const errorText = (e: { code: string; message: string } | null) => (e ? t(`import.errors.${e.code}`, { defaultValue: e.message }) : '');

  const upload = async (file: File) => {
    if (!target) {
      setUploadError(t('import.needTarget'));
      return;
    }
    setUploadError(null);
    try {
      const r = await uploadImportFile(target.id, file);
      setStage({ kind: 'checking', importId: r.importId, taskId: r.taskId });
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const reset = () => {
    setStage({ kind: 'pick' });
    setView(null);
    setSkipInvalid(false);
  };

  const current = stage.kind === 'pick' ? 0 : stage.kind === 'checking' || stage.kind === 'checked' ? 1 : 2;
  const percent = task.data && task.data.total > 0 ? Math.floor((task.data.done / task.data.total) * 100) : 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('import.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={TEMPLATE_URL}>
            {t('import.template')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('import.intro')}
      </Typography.Paragraph>
      <Steps current={current} items={[{ title: t('import.step.upload') }, { title: t('import.step.check') }, { title: t('import.step.commit') }]} />

      {stage.kind === 'pick' && (
        <Card>
          <Form layout="vertical">
            <Form.Item label={t('import.target')} help={t('import.targetHelp')} htmlFor="import-target">
              <PlaceTreeSelect
                id="import-target"
                aria-label={t('import.target')}
                value={target?.id ?? null}
                valueLabel={targetName}
                placeholder={t('import.targetPlaceholder')}
                onChange={(id, name) => setTarget(id ? { id, name: name ?? '' } : null)}
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
            <Upload.Dragger
              accept=".xlsx,.csv,.txt"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
              aria-label={t('import.drop')}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 12 }} />}
          </Form>
        </Card>
      )}

      {(stage.kind === 'checking' || stage.kind === 'committing') && (
        <Card>
          <Typography.Text strong>{t(stage.kind === 'checking' ? 'import.checking' : 'import.committing')}</Typography.Text>
          <Progress percent={percent} status="active" aria-label={t(stage.kind === 'checking' ? 'import.checking' : 'import.committing')} />
        </Card>
      )}

      {stage.kind === 'checked' && view?.report && (
        <CheckedReport
          view={view}
          skipInvalid={skipInvalid}
          setSkipInvalid={setSkipInvalid}
          onRerun={async (mapping) => {
            const r = await rerunDryRun(view.id, mapping);
            setStage({ kind: 'checking', importId: r.importId, taskId: r.taskId });
          }}
          onCommit={async () => {
            const r = await commitImport(view.id, skipInvalid);
            setStage({ kind: 'committing', importId: r.importId, taskId: r.taskId });
          }}
          onReset={reset}
        />
      )}

      {stage.kind === 'finished' && (
        <Card>
          {stage.ok ? (
            <Result
              status="success"
              title={t('import.result.done')}
              subTitle={t('import.result.doneSub', { valid: view?.report?.counts?.rows.valid ?? 0, invalid: view?.report?.counts?.rows.invalid ?? 0 })}
              extra={[
                <Button key="again" onClick={reset}>
                  {t('import.commit.again')}
                </Button>,
                view && (
                  <Link key="place" to={`/registry/places/${view.placeId}`}>
                    <Button type="primary">{t('import.result.viewPlace')}</Button>
                  </Link>
                ),
              ]}
            >
              {view?.report?.counts && <CountsTable counts={view.report.counts} />}
            </Result>
          ) : (
            <Result
              status="error"
              title={t('import.result.failed')}
              subTitle={stage.error}
              extra={[
                <Button key="again" onClick={reset}>
                  {t('import.commit.again')}
                </Button>,
                view?.report && (
                  <Button key="report" icon={<DownloadOutlined />} href={reportUrl(stage.importId)}>
                    {t('import.issues.download')}
                  </Button>
                ),
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}

type Counts = NonNullable<NonNullable<ImportView['report']>['counts']>;

function CountsTable({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const rows = (['buildings', 'units', 'rooms', 'persons', 'households'] as const).map((k) => ({
    key: k,
    what: t(`import.counts.${k}`),
    created: counts[k].created,
    updated: 'updated' in counts[k] ? (counts[k] as { updated: number }).updated : 0,
    unchanged: counts[k].unchanged,
  }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      style={{ maxWidth: 560, margin: '0 auto' }}
      columns={[
        { title: '', dataIndex: 'what' },
        { title: t('import.counts.created'), dataIndex: 'created', align: 'right', render: (v: number) => <Typography.Text strong={v > 0}>{v.toLocaleString()}</Typography.Text> },
        { title: t('import.counts.updated'), dataIndex: 'updated', align: 'right', render: (v: number) => v.toLocaleString() },
        { title: t('import.counts.unchanged'), dataIndex: 'unchanged', align: 'right', render: (v: number) => v.toLocaleString() },
      ]}
    />
  );
}

function CheckedReport(props: {
  view: ImportView;
  skipInvalid: boolean;
  setSkipInvalid: (v: boolean) => void;
  onRerun: (mapping: Mapping) => Promise<void>;
  onCommit: () => Promise<void>;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const { view, skipInvalid, setSkipInvalid } = props;
  const report = view.report!;
  const [level, setLevel] = useState<'all' | 'error' | 'update'>('all');
  const [column, setColumn] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>(() => ({ ...(view.mapping ?? {}) }));
  const [busy, setBusy] = useState(false);
  const counts = report.counts;
  const errorRows = counts?.rows.invalid ?? (report.errorCount > 0 ? 1 : 0);
  const fileBlocked = !counts;
  const canCommit = !!counts && counts.rows.valid > 0 && (report.errorCount === 0 || skipInvalid);

  const issues = useMemo(
    () => report.issues.filter((i) => (level === 'all' || i.level === level) && (!column || i.column === column)),
    [report.issues, level, column],
  );
  const columnsWithIssues = useMemo(() => [...new Set(report.issues.map((i) => i.column).filter((c): c is string => !!c))], [report.issues]);
  const headerOf = (letter: string) => report.columns.find((c) => c.letter === letter)?.header ?? '';
  const run = (f: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  const changed = counts ? counts.rooms.updated + counts.persons.updated + counts.households.updated : 0;

  return (
    <>
      <Card title={t('import.counts.title')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('import.file')}>{view.fileName}</Descriptions.Item>
          <Descriptions.Item label={t('import.target')}>{view.placeLabel}</Descriptions.Item>
          <Descriptions.Item label={t('import.encoding')}>
            {report.sheet.format.toUpperCase()}
            {report.sheet.encoding ? ` · ${report.sheet.encoding}` : ''}
            {report.headerRow ? ` · ${t('import.headerRow', { row: report.headerRow })}` : ''}
          </Descriptions.Item>
          {counts && (
            <Descriptions.Item label={t('import.counts.rows')}>
              {counts.rows.total.toLocaleString()}（<Typography.Text type="success">{t('import.counts.valid')} {counts.rows.valid.toLocaleString()}</Typography.Text>
              {'，'}
              <Typography.Text type={counts.rows.invalid ? 'danger' : undefined}>
                {t('import.counts.invalid')} {counts.rows.invalid.toLocaleString()}
              </Typography.Text>
              {counts.rows.blank ? `，${t('import.counts.blank')} ${counts.rows.blank}` : ''}）
            </Descriptions.Item>
          )}
        </Descriptions>
        {counts && <CountsTable counts={counts} />}
      </Card>

      {report.unmapped.length > 0 && (
        <Card title={t('import.mapping.title')}>
          <Typography.Paragraph type="secondary">{t('import.mapping.help')}</Typography.Paragraph>
          <Flex vertical gap={8}>
            {report.unmapped.map((u) => (
              <Flex key={u.letter} align="center" gap={12}>
                <Typography.Text style={{ minWidth: 200 }}>{t('import.mapping.column', { letter: u.letter, header: u.header })}</Typography.Text>
                <Select
                  aria-label={t('import.mapping.column', { letter: u.letter, header: u.header })}
                  style={{ width: 200 }}
                  value={mapping[u.letter] ?? ''}
                  onChange={(v) => setMapping({ ...mapping, [u.letter]: (v || null) as ImportField | null })}
                  options={[{ value: '', label: t('import.mapping.ignore') }, ...FIELDS.map((f) => ({ value: f, label: t(`import.field.${f}`) }))]}
                />
              </Flex>
            ))}
          </Flex>
          <Button icon={<ReloadOutlined />} style={{ marginTop: 12 }} loading={busy} onClick={run(() => props.onRerun(mapping))}>
            {t('import.mapping.rerun')}
          </Button>
        </Card>
      )}

      <Card
        title={t('import.issues.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={reportUrl(view.id)}>
            {t('import.issues.download')}
          </Button>
        }
      >
        {report.issues.length === 0 ? (
          <Alert type="success" showIcon title={t('import.issues.none')} />
        ) : (
          <>
            <Flex gap={12} wrap style={{ marginBottom: 12 }}>
              <Segmented
                value={level}
                onChange={(v) => setLevel(v as typeof level)}
                options={[
                  { value: 'all', label: `${t('import.issues.all')} ${report.errorCount + report.updateCount}` },
                  { value: 'error', label: `${t('import.issues.error')} ${report.errorCount}` },
                  { value: 'update', label: `${t('import.issues.update')} ${report.updateCount}` },
                ]}
              />
              <Select
                allowClear
                aria-label={t('import.issues.filterColumn')}
                placeholder={t('import.issues.filterColumn')}
                style={{ width: 200 }}
                value={column}
                onChange={(v) => setColumn(v ?? null)}
                options={columnsWithIssues.map((c) => ({ value: c, label: `${c} ${headerOf(c)}` }))}
              />
            </Flex>
            <Table<ImportIssue>
              size="small"
              rowKey={(i) => `${i.row}-${i.column}-${i.code}-${i.message}`}
              dataSource={issues}
              pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
              columns={[
                { title: t('import.issues.row'), dataIndex: 'row', width: 80, render: (r: number) => r || t('import.issues.fileLevel') },
                { title: t('import.issues.column'), dataIndex: 'column', width: 160, render: (_: unknown, i) => (i.column ? `${i.column}「${i.header ?? ''}」` : '—') },
                {
                  title: t('import.issues.level'),
                  dataIndex: 'level',
                  width: 90,
                  render: (l: string) => <Tag color={l === 'error' ? 'red' : 'blue'}>{t(`import.issues.${l}`)}</Tag>,
                },
                { title: t('import.issues.message'), dataIndex: 'message' },
              ]}
            />
            {report.issuesShown < report.errorCount + report.updateCount && (
              <Typography.Text type="secondary">{t('import.issues.shown', { shown: report.issuesShown, total: report.errorCount + report.updateCount })}</Typography.Text>
            )}
          </>
        )}
      </Card>

      {!fileBlocked && (
        <Card>
          <Flex vertical gap={12}>
            {report.errorCount > 0 && <Alert type="warning" showIcon title={t('import.commit.blocked', { count: errorRows })} />}
            <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
              {t('import.commit.skipInvalid')}
            </Checkbox>
            <Typography.Text type="secondary">{t('import.commit.skipHelp')}</Typography.Text>
            <Flex gap={8}>
              <Popconfirm
                title={t('import.commit.confirmTitle')}
                description={
                  <div style={{ maxWidth: 360 }}>
                    {t('import.commit.confirm', { rooms: counts!.rooms.created, persons: counts!.persons.created, households: counts!.households.created, updated: changed })}
                  </div>
                }
                onConfirm={run(props.onCommit)}
                disabled={!canCommit}
              >
                <Button type="primary" disabled={!canCommit} loading={busy}>
                  {t('import.commit.button')}
                </Button>
              </Popconfirm>
              <Button onClick={props.onReset}>{t('import.commit.again')}</Button>
            </Flex>
          </Flex>
        </Card>
      )}
      {fileBlocked && (
        <Button onClick={props.onReset} style={{ alignSelf: 'flex-start' }}>
          {t('import.commit.again')}
        </Button>
      )}
    </>
  );
}
