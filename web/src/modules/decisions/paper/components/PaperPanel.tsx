import { EditOutlined, FilePdfOutlined, PrinterOutlined, ScanOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Flex, Form, Input, Modal, Radio, Row, Table, type TableColumnsType, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { FilterBar, optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListTable } from '../../../../workbench/components/ListTable.tsx';
import { type Decision, useCanvass } from '../../api.ts';
import {
  BALLOT_STATUSES,
  entryPath,
  type PaperBallot,
  scanUrl,
  type Sheet,
  roomsText,
  sheetPdfUrl,
  sheetsPdfUrl,
  useCheckBallot,
  useCorrectBallot,
  useIssueSheets,
  usePaperBallots,
  useReplaceSheet,
  useSheets,
} from '../api.ts';
import { BallotFields, type BallotValues, contentOf } from './BallotFields.tsx';
import { exportPaperBallotsXlsx, PAPER_EXPORT_LIMIT } from './export-paper.ts';
import { BallotStatusTag, ChoicesText, SheetStatusTag } from './labels.tsx';
import { ScanView } from './ScanView.tsx';
import { useLocalList } from './local-list.ts';
import '../i18n.ts';

/**
 * 纸质表决票 on the decision page: the personal sheets, issued and printed per building and replaced when lost
 * (the first one voided); and the paper ballots entered from them, each checked by a second user against its scan
 * before it counts. Only for the organisers, once the roll is published.
 */
export function PaperPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState(d.status === 'open' ? 'ballots' : 'sheets');
  if (!d.can.organise || d.status === 'draft') return null;
  const entering = d.status === 'open';
  return (
    <Card
      title={t('decisionsPaper.title')}
      style={{ marginTop: 16 }}
      extra={
        entering && (
          <Link to={entryPath(d.id)}>
            <Button type="primary" icon={<ScanOutlined />}>
              {t('decisionsPaper.enter')}
            </Button>
          </Link>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'sheets', label: t('decisionsPaper.tab.sheets'), children: <SheetsTab d={d} /> },
          { key: 'ballots', label: t('decisionsPaper.tab.ballots'), children: <BallotsTab d={d} /> },
        ]}
      />
    </Card>
  );
}

function SheetsTab({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const canIssue = d.status === 'roll_published' || d.status === 'open';
  const canvass = useCanvass(d.id, { page: 1, pageSize: 1 }, canIssue);
  const buildings = canvass.data?.buildings ?? [];
  const list = useLocalList<'q' | 'status' | 'building'>();
  const sheets = useSheets(d.id, list.query);
  const issue = useIssueSheets(d.id);
  const [replacing, setReplacing] = useState<Sheet | null>(null);

  const confirmIssue = (building?: string) =>
    modal.confirm({
      title: building ? t('decisionsPaper.sheets.issueTitle', { building }) : t('decisionsPaper.sheets.issueAllTitle'),
      content: t('decisionsPaper.sheets.issueBody', { building: building ?? t('decisionsPaper.sheets.allBuildings') }),
      okText: t('decisionsPaper.sheets.issue'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { issued } = await issue.mutateAsync(building);
          void message.success(issued ? t('decisionsPaper.sheets.issued', { count: issued }) : t('decisionsPaper.sheets.issuedNone'));
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });

  const columns: TableColumnsType<Sheet> = [
    { title: t('decisionsPaper.sheets.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    { title: t('decisionsPaper.sheets.entryNo'), dataIndex: 'entryNo', width: 80 },
    {
      title: t('decisionsPaper.sheets.rooms'),
      key: 'rooms',
      render: (_, s) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: roomsText(s.rooms) }} style={{ maxWidth: 190 }}>
            {roomsText(s.rooms)}
          </Typography.Text>
          <Typography.Text type="secondary">{s.label}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('decisionsPaper.sheets.sheetStatusCol'),
      key: 'status',
      render: (_, s) => (
        <Flex vertical gap={2} align="start">
          <SheetStatusTag status={s.status} note={s.voidReason ? t('decisionsPaper.sheets.voidReason', { reason: s.voidReason }) : null} />
          {s.replacedBy && <Typography.Text type="secondary">{t('decisionsPaper.sheets.replacedBy', { code: s.replacedBy })}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('decisionsPaper.sheets.ballotStatusCol'),
      key: 'ballotStatus',
      render: (_, s) => (s.ballotStatus ? <BallotStatusTag status={s.ballotStatus} /> : <Typography.Text type="secondary">{t('decisionsPaper.sheets.notEntered')}</Typography.Text>),
    },
    { title: t('decisionsPaper.sheets.issuedAt'), dataIndex: 'issuedAt', render: (v: string) => <Typography.Text title={formatDateTime(v)}>{formatDate(v)}</Typography.Text> },
    {
      title: t('common.actions'),
      key: 'act',
      render: (_, s) =>
        s.status === 'issued' && (
          <Flex gap={4}>
            <Button size="small" type="link" icon={<FilePdfOutlined />} href={sheetPdfUrl(d.id, s.id)} target="_blank" rel="noopener">
              {t('decisionsPaper.sheets.pdf')}
            </Button>
            {canIssue && !s.ballotStatus && (
              <Button size="small" type="link" onClick={() => setReplacing(s)}>
                {t('decisionsPaper.sheets.replace')}
              </Button>
            )}
          </Flex>
        ),
    },
  ];

  return (
    <>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={8}>
          <Typography.Paragraph type="secondary">{t('decisionsPaper.sheets.intro')}</Typography.Paragraph>
          {canIssue ? (
            <Table
              size="small"
              rowKey="building"
              pagination={false}
              loading={canvass.isFetching && !canvass.data}
              dataSource={buildings}
              style={{ marginBottom: 16 }}
              columns={[
                { title: t('decisionsPaper.sheets.building'), dataIndex: 'building' },
                { title: t('decisionsPaper.sheets.heads'), dataIndex: 'heads', align: 'right' },
                {
                  title: t('common.actions'),
                  key: 'act',
                  align: 'right',
                  render: (_, b) => (
                    <Flex gap={8} justify="end">
                      <Button size="small" icon={<SendOutlined />} loading={issue.isPending && issue.variables === b.building} onClick={() => confirmIssue(b.building)}>
                        {t('decisionsPaper.sheets.issue')}
                      </Button>
                      <Button size="small" icon={<PrinterOutlined />} href={sheetsPdfUrl(d.id, b.building)} target="_blank" rel="noopener" aria-label={`${t('decisionsPaper.sheets.print')} ${b.building}`}>
                        {t('decisionsPaper.sheets.print')}
                      </Button>
                    </Flex>
                  ),
                },
              ]}
              summary={() =>
                buildings.length > 1 && (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      {t('decisionsPaper.sheets.allBuildings')}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <Flex gap={8} justify="end">
                        <Button size="small" icon={<SendOutlined />} onClick={() => confirmIssue()}>
                          {t('decisionsPaper.sheets.issueAll')}
                        </Button>
                        <Button size="small" icon={<PrinterOutlined />} href={sheetsPdfUrl(d.id)} target="_blank" rel="noopener">
                          {t('decisionsPaper.sheets.printAll')}
                        </Button>
                      </Flex>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )
              }
            />
          ) : null}
        </Col>
        <Col xs={24} xl={16}>
          <FilterBar
            list={list}
            search={{ label: t('decisionsPaper.sheets.search'), width: 220 }}
            selects={[
              buildings.length > 0 && { field: 'building', label: t('decisionsPaper.sheets.building'), options: buildings.map((b) => ({ value: b.building, label: b.building })), width: 120 },
              { field: 'status', label: t('decisionsPaper.sheets.status'), options: optionsOf(['issued', 'void'] as const, (s) => t(`decisionsPaper.sheetStatus.${s}`)), width: 120 },
            ]}
          />
          <ListTable query={sheets} list={list} columns={columns} rowKey="id" emptyText={Object.keys(list.filters).length ? t('decisionsPaper.sheets.noMatch') : t('decisionsPaper.sheets.none')} />
        </Col>
      </Row>
      {replacing && <ReplaceModal d={d} sheet={replacing} onClose={() => setReplacing(null)} />}
    </>
  );
}

/** 补发: a reason, a warning that the first sheet is void from now on, then the new sheet's PDF to print. */
function ReplaceModal({ d, sheet, onClose }: { d: Decision; sheet: Sheet; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const replace = useReplaceSheet(d.id);
  return (
    <FormModal<{ reason: string }>
      title={t('decisionsPaper.sheets.replaceTitle', { code: sheet.code })}
      open
      onClose={onClose}
      okText={t('decisionsPaper.sheets.replace')}
      submit={async ({ reason }) => {
        const fresh = await replace.mutateAsync({ sheetId: sheet.id, reason: reason.trim() });
        modal.success({
          title: t('decisionsPaper.sheets.replaced', { code: fresh.code }),
          content: (
            <Flex vertical gap={12} align="start">
              <span>{t('decisionsPaper.sheets.replacedBody')}</span>
              <Button type="primary" icon={<FilePdfOutlined />} href={sheetPdfUrl(d.id, fresh.id)} target="_blank" rel="noopener">
                {t('decisionsPaper.sheets.printNew')}
              </Button>
            </Flex>
          ),
          okText: t('common.close'),
        });
      }}
    >
      <Alert type="warning" showIcon title={t('decisionsPaper.sheets.replaceWarn', { code: sheet.code })} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        {sheet.entryNo} · {roomsText(sheet.rooms)} · {sheet.label}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t('decisionsPaper.sheets.reason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input maxLength={200} placeholder={t('decisionsPaper.sheets.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

function BallotsTab({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const list = useLocalList<'q' | 'status'>();
  const ballots = usePaperBallots(d.id, list.query, d.status !== 'roll_published');
  const waiting = usePaperBallots(d.id, { status: 'entered', page: 1, pageSize: 1 }, d.status === 'open');
  const [checking, setChecking] = useState<PaperBallot | null>(null);
  const [correcting, setCorrecting] = useState<PaperBallot | null>(null);
  const [viewing, setViewing] = useState<PaperBallot | null>(null);
  const open = d.status === 'open';
  if (d.status === 'roll_published') return <Typography.Text type="secondary">{t('decisionsPaper.ballots.notOpen')}</Typography.Text>;

  const columns: TableColumnsType<PaperBallot> = [
    { title: t('decisionsPaper.ballots.code'), dataIndex: 'sheetCode', render: (c: string | null) => (c ? <Typography.Text code>{c}</Typography.Text> : '—') },
    { title: t('decisionsPaper.ballots.entryNo'), key: 'entryNo', dataIndex: 'entryNo', sorter: true, width: 90 },
    {
      title: t('decisionsPaper.ballots.rooms'),
      key: 'rooms',
      render: (_, b) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: roomsText(b.rooms) }} style={{ maxWidth: 220 }}>
            {roomsText(b.rooms)}
          </Typography.Text>
          <Typography.Text type="secondary">{b.label}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('decisionsPaper.ballots.channel'),
      key: 'channel',
      render: (_, b) => (
        <Flex vertical>
          <span>{t(`decisionsPaper.channel.${b.channel}`)}</span>
          {b.proxyName && <Typography.Text type="secondary">{t('decisionsPaper.ballots.byProxy', { name: b.proxyName })}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('decisionsPaper.ballots.choices'),
      key: 'choices',
      render: (_, b) =>
        b.choices ? (
          <ChoicesText choices={b.choices} />
        ) : (
          <Typography.Text type="danger">
            {t('decisionsPaper.ballots.invalid', { reason: b.invalidReason ? t(`decisionsPaper.invalidReason.${b.invalidReason}`) : '—' })}
            {b.invalidNote ? `（${b.invalidNote}）` : ''}
          </Typography.Text>
        ),
    },
    {
      title: t('decisionsPaper.ballots.statusCol'),
      key: 'status',
      render: (_, b) => <BallotStatusTag status={b.status} note={b.mismatchNote ? t('decisionsPaper.ballots.mismatchNote', { note: b.mismatchNote }) : null} />,
    },
    {
      title: t('decisionsPaper.ballots.enteredAt'),
      key: 'enteredAt',
      sorter: true,
      render: (_, b) => <Who name={b.enteredBy} at={b.enteredAt} />,
    },
    {
      title: t('decisionsPaper.ballots.checked'),
      key: 'checked',
      render: (_, b) =>
        // A corrected ballot keeps the check that found the mismatch; it waits for a new one.
        b.checkedAt && b.status !== 'entered' ? <Who name={b.checkedBy} at={b.checkedAt} /> : '—',
    },
    {
      title: t('common.actions'),
      key: 'act',
      fixed: 'right',
      render: (_, b) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setViewing(b)}>
            {t('decisionsPaper.ballots.scan')}
          </Button>
          {open && b.status === 'entered' && (
            <Tooltip title={b.enteredByMe ? t('decisionsPaper.ballots.ownEntry') : undefined}>
              <Button size="small" type="link" disabled={b.enteredByMe} onClick={() => setChecking(b)}>
                {t('decisionsPaper.ballots.check')}
              </Button>
            </Tooltip>
          )}
          {open && b.status === 'mismatched' && (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setCorrecting(b)}>
              {t('decisionsPaper.ballots.correct')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <FilterBar
        list={list}
        search={{ label: t('decisionsPaper.ballots.search'), width: 220 }}
        selects={[{ field: 'status', label: t('decisionsPaper.ballots.status'), options: optionsOf(BALLOT_STATUSES, (s) => t(`decisionsPaper.ballotStatus.${s}`)), width: 140 }]}
      >
        {!!waiting.data?.total && <Badge status="processing" text={t('decisionsPaper.ballots.toCheck', { count: waiting.data.total })} />}
        <ExportButton
          total={ballots.data?.total ?? 0}
          limit={PAPER_EXPORT_LIMIT}
          i18nPrefix="decisionsPaper.ballots"
          run={(progress) => exportPaperBallotsXlsx(d.id, { ...list.filters, ...list.sorting }, t, progress)}
        />
      </FilterBar>
      <ListTable query={ballots} list={list} columns={columns} rowKey="id" emptyText={Object.keys(list.filters).length ? t('decisionsPaper.ballots.noMatch') : t('decisionsPaper.ballots.none')} />
      {checking && <CheckModal d={d} ballot={checking} onClose={() => setChecking(null)} />}
      {correcting && <CorrectModal d={d} ballot={correcting} onClose={() => setCorrecting(null)} />}
      {viewing && (
        <Modal title={t('decisionsPaper.scanView.title', { code: viewing.sheetCode ?? '' })} open onCancel={() => setViewing(null)} footer={null} width={720} destroyOnHidden>
          <ScanView url={scanUrl(d.id, viewing.id)} height={560} />
        </Modal>
      )}
    </>
  );
}

/** Who entered or checked a ballot, and when: two short lines. */
function Who({ name, at }: { name: string | null; at: string }) {
  return (
    <Flex vertical>
      <span>{name ?? '—'}</span>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(at)}
      </Typography.Text>
    </Flex>
  );
}

/** What was entered, item by item (or the invalid sheet's reason), to hold against the scan. */
function Entered({ d, ballot: b }: { d: Decision; ballot: PaperBallot }) {
  const { t } = useTranslation();
  if (!b.choices) {
    return (
      <Alert
        type="error"
        title={t('decisionsPaper.ballots.invalid', { reason: b.invalidReason ? t(`decisionsPaper.invalidReason.${b.invalidReason}`) : '—' })}
        description={b.invalidNote}
      />
    );
  }
  return (
    <Table
      size="small"
      rowKey="no"
      pagination={false}
      dataSource={d.items}
      columns={[
        { title: '#', dataIndex: 'no', width: 40 },
        { title: t('decisionsPaper.form.items'), dataIndex: 'title' },
        {
          title: t('decisionsPaper.ballots.choices'),
          key: 'c',
          width: 80,
          render: (_, i) => {
            const c = b.choices?.[String(i.no)];
            return c ? <strong>{t(`decisionsPaper.choice.${c}`)}</strong> : '—';
          },
        },
      ]}
    />
  );
}

/** 核对: the scan beside what was entered; match counts it, mismatch sends it back with a note. */
function CheckModal({ d, ballot: b, onClose }: { d: Decision; ballot: PaperBallot; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const check = useCheckBallot(d.id);
  return (
    <FormModal<{ verdict: 'match' | 'mismatch'; note?: string }>
      title={t('decisionsPaper.check.title', { code: b.sheetCode ?? '' })}
      open
      onClose={onClose}
      width={960}
      okText={t('decisionsPaper.check.submit')}
      initialValues={{ verdict: 'match' }}
      submit={async (v) => {
        const done = await check.mutateAsync({ ballotId: b.id, verdict: v.verdict, note: v.note?.trim() || undefined });
        const key = ['counted', 'invalid', 'held', 'duplicate', 'mismatched'].includes(done.status) ? done.status : 'other';
        void message.success(t(`decisionsPaper.check.done.${key}`));
      }}
    >
      <Typography.Paragraph type="secondary">{t('decisionsPaper.check.intro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={13}>
          <ScanView url={scanUrl(d.id, b.id)} />
        </Col>
        <Col span={11}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('decisionsPaper.check.entered')}
          </Typography.Title>
          <Typography.Paragraph>
            {b.entryNo} · {roomsText(b.rooms)} · {b.label}
            {b.proxyName && ` · ${t('decisionsPaper.ballots.byProxy', { name: b.proxyName })}`}
          </Typography.Paragraph>
          <Entered d={d} ballot={b} />
          <Form.Item name="verdict" label={t('decisionsPaper.check.verdict')} style={{ marginTop: 16 }} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'match', label: t('decisionsPaper.check.match') },
                { value: 'mismatch', label: t('decisionsPaper.check.mismatch') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['verdict']}>
            {({ getFieldValue }) =>
              getFieldValue('verdict') === 'mismatch' && (
                <Form.Item name="note" label={t('decisionsPaper.check.note')} rules={[{ required: true, whitespace: true, message: t('decisionsPaper.check.noteRequired') }, { max: 200 }]}>
                  <Input.TextArea rows={2} maxLength={200} placeholder={t('decisionsPaper.check.notePlaceholder')} />
                </Form.Item>
              )
            }
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** 更正 a mismatched entry against its scan; it goes back to 待核对 for another user. */
function CorrectModal({ d, ballot: b, onClose }: { d: Decision; ballot: PaperBallot; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const correct = useCorrectBallot(d.id);
  const initial: BallotValues = b.choices
    ? { invalid: false, choices: b.choices }
    : { invalid: true, invalidReason: b.invalidReason === 'proxy_rejected' || b.invalidReason === 'over_selected' ? undefined : (b.invalidReason ?? undefined), invalidNote: b.invalidNote ?? undefined };
  return (
    <FormModal<BallotValues>
      title={t('decisionsPaper.correct.title', { code: b.sheetCode ?? '' })}
      open
      onClose={onClose}
      width={960}
      okText={t('decisionsPaper.correct.submit')}
      initialValues={initial}
      submit={async (v) => {
        await correct.mutateAsync({ ballotId: b.id, ...contentOf(v) });
        void message.success(t('decisionsPaper.correct.done'));
      }}
    >
      <Typography.Paragraph type="secondary">{t('decisionsPaper.correct.intro')}</Typography.Paragraph>
      {b.mismatchNote && <Alert type="warning" showIcon title={t('decisionsPaper.ballots.mismatchNote', { note: b.mismatchNote })} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col span={13}>
          <ScanView url={scanUrl(d.id, b.id)} />
        </Col>
        <Col span={11}>
          <BallotFields items={d.items} />
        </Col>
      </Row>
    </FormModal>
  );
}
