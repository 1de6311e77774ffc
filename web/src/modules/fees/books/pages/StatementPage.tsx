import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, List, Popconfirm, Select, Space, Table, type TableColumnsType, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BOOK_BASIS_KINDS, BOOK_COUNTERPARTY_KINDS, BOOK_EXPENSE_CATEGORIES, BOOK_INCOME_CATEGORIES, type BookDirection, type BookLineBody } from '#server/modules/fees/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import {
  type Statement,
  type StatementLine,
  toFen,
  useAddLine,
  useConfirm,
  usePublish,
  useRefresh,
  useRemoveLine,
  useRemoveVoucher,
  useStatement,
  useUpdateLine,
  useUploadVoucher,
  yuan,
} from '../api.ts';

type LineForm = Omit<BookLineBody, 'amountFen'> & { amount: string };
const MANUAL_INCOME = BOOK_INCOME_CATEGORIES.filter((c) => c !== 'fees');
const MANUAL_EXPENSE = BOOK_EXPENSE_CATEGORIES.filter((c) => c !== 'remuneration');

/** A statement's editor: totals and confirmations, the lines with vouchers and owners' questions, and the steps to publishing. */
export function StatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const statement = useStatement(id);
  return (
    <QueryView query={statement}>
      {(s) => (
        <>
          <PageHeader title={`${s.compoundName} ${s.month} · ${t('feesBooks.list.title')}`} tags={<Tag color={s.status === 'published' ? 'green' : 'blue'}>{t(`feesBooks.status.${s.status}`)}</Tag>} extra={<Actions s={s} />} />
          <Summary s={s} />
          <Lines s={s} />
        </>
      )}
    </QueryView>
  );
}

function Actions({ s }: { s: Statement }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refresh = useRefresh();
  const confirm = useConfirm();
  const publish = usePublish();
  const totals = { month: s.month, income: yuan(s.incomeFen), expense: yuan(s.expenseFen), balance: yuan(s.balanceFen) };
  const ask = (title: string, content: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      onOk: () =>
        run().catch((e: unknown) => {
          void message.error(e instanceof Error ? e.message : String(e));
        }),
    });
  return (
    <Space wrap>
      {s.can.keep && (
        <Button
          loading={refresh.isPending}
          onClick={() =>
            void refresh
              .mutateAsync(s.id)
              .then((r) => message.success(t(r.confirmationsCleared ? 'feesBooks.statement.refreshedCleared' : 'feesBooks.statement.refreshed')))
              .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
          }
        >
          {t('feesBooks.statement.refresh')}
        </Button>
      )}
      {s.can.confirmCommittee && (
        <Button type="primary" onClick={() => ask(t('feesBooks.statement.confirmTitle', totals), t('feesBooks.statement.confirmBody', totals), () => confirm.mutateAsync({ id: s.id, side: 'committee' }))}>
          {t('feesBooks.statement.confirmCommittee')}
        </Button>
      )}
      {s.can.confirmCompany && (
        <Button type="primary" onClick={() => ask(t('feesBooks.statement.confirmTitle', totals), t('feesBooks.statement.confirmBody', totals), () => confirm.mutateAsync({ id: s.id, side: 'company' }))}>
          {t('feesBooks.statement.confirmCompany')}
        </Button>
      )}
      {s.can.publish && (
        <Button type="primary" danger onClick={() => ask(t('feesBooks.statement.publishTitle', totals), t('feesBooks.statement.publishBody', totals), () => publish.mutateAsync(s.id))}>
          {t('feesBooks.statement.publish')}
        </Button>
      )}
      <Button href={`/api/fees/books/statements/${s.id}/export.xlsx`}>{t('feesBooks.statement.export')}</Button>
      {s.status === 'published' && (
        <Button href={`/api/fees/books/statements/${s.id}/statement.pdf`} target="_blank">
          {t('feesBooks.statement.pdf')}
        </Button>
      )}
    </Space>
  );
}

function Summary({ s }: { s: Statement }) {
  const { t } = useTranslation();
  const when = (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('feesBooks.statement.notYet')}</Typography.Text>);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('feesBooks.statement.income')}>{yuan(s.incomeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('feesBooks.statement.expense')}>{yuan(s.expenseFen)}</Descriptions.Item>
        <Descriptions.Item label={t('feesBooks.statement.balance')}>{yuan(s.balanceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('feesBooks.statement.committeeConfirmed')}>{when(s.committeeConfirmedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('feesBooks.statement.companyConfirmed')}>{when(s.companyConfirmedAt)}</Descriptions.Item>
        {s.publishedAt && <Descriptions.Item label={t('feesBooks.statement.publishedAt')}>{formatDateTime(s.publishedAt)}</Descriptions.Item>}
      </Descriptions>
      {s.status === 'draft' && <Alert type="info" showIcon title={t('feesBooks.statement.changeClears')} />}
    </Card>
  );
}

function Lines({ s }: { s: Statement }) {
  const { t } = useTranslation();
  const add = useAddLine();
  const update = useUpdateLine();
  const remove = useRemoveLine();
  const removeVoucher = useRemoveVoucher();
  const [editing, setEditing] = useState<StatementLine | 'new' | null>(null);
  const [uploading, setUploading] = useState<StatementLine | null>(null);
  const columns: TableColumnsType<StatementLine> = [
    { title: t('feesBooks.statement.line'), dataIndex: 'lineNo', width: 56 },
    { title: t('feesBooks.statement.categoryLabel'), dataIndex: 'direction', render: (v: BookDirection, l) => <Tag color={v === 'income' ? 'green' : 'orange'}>{`${t(`feesBooks.direction.${v}`)} · ${t(`feesBooks.category.${l.category}`)}`}</Tag> },
    { title: t('feesBooks.statement.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesBooks.statement.counterparty'), dataIndex: 'counterparty' },
    {
      title: t('feesBooks.statement.description'),
      dataIndex: 'description',
      render: (v: string, l) => (
        <>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.occurredOn} · {l.source === 'manual' ? l.basisLabel : `${t('feesBooks.statement.computed')}：${l.formula}`}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('feesBooks.statement.vouchers'),
      render: (_: unknown, l) => (
        <Space direction="vertical" size={2}>
          {l.vouchers.map((v) => (
            <Space key={v.id} size={4}>
              <a href={`/api/fees/books/vouchers/${v.id}`} target="_blank" rel="noreferrer">
                {v.name}
              </a>
              {!v.masked && <Tag color="red">{t('feesBooks.statement.notMasked')}</Tag>}
              {s.can.keep && (
                <Popconfirm title={t('feesBooks.statement.removeVoucher')} onConfirm={() => removeVoucher.mutateAsync(v.id)}>
                  <Button size="small" type="link" danger>
                    {t('feesBooks.statement.removeLine')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ))}
          {l.direction === 'expense' && l.source === 'manual' && l.vouchers.length === 0 && <Tag color="red">{t('feesBooks.statement.noVoucher')}</Tag>}
          {s.can.keep && l.source === 'manual' && (
            <Button size="small" icon={<UploadOutlined />} onClick={() => setUploading(l)}>
              {t('feesBooks.statement.upload')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('feesBooks.statement.questions'),
      render: (_: unknown, l) =>
        l.questions.length ? (
          <List
            size="small"
            dataSource={l.questions}
            renderItem={(q) => (
              <List.Item>
                <div>
                  <div>{q.body}</div>
                  <Typography.Text type={q.answer ? 'success' : 'warning'} style={{ fontSize: 12 }}>
                    {q.answer ? `${t('feesBooks.statement.answer')}：${q.answer}` : t('feesBooks.statement.waiting')}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        ) : null,
    },
    ...(s.can.keep
      ? [
          {
            title: '',
            render: (_: unknown, l: StatementLine) =>
              l.source === 'manual' && (
                <Space>
                  <Button size="small" onClick={() => setEditing(l)}>
                    {t('feesBooks.statement.editLine')}
                  </Button>
                  <Popconfirm title={t('feesBooks.statement.removeConfirm', { no: l.lineNo })} onConfirm={() => remove.mutateAsync(l.id)}>
                    <Button size="small" danger>
                      {t('feesBooks.statement.removeLine')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
  const initial = (l: StatementLine | 'new'): Partial<LineForm> =>
    l === 'new'
      ? { direction: 'expense', counterpartyKind: 'organisation', basisKind: 'contract', basisRef: s.account?.contractNo, occurredOn: `${s.month}-01` }
      : {
          direction: l.direction,
          category: l.category as LineForm['category'],
          amount: yuan(l.amountFen).replaceAll(',', ''),
          counterparty: l.counterparty,
          counterpartyKind: l.counterpartyKind,
          description: l.description,
          occurredOn: l.occurredOn,
          basisKind: l.basisKind ?? 'contract',
          basisRef: l.basisRef ?? '',
        };
  return (
    <Card title={t('feesBooks.statement.totals')} extra={s.can.keep && <Button onClick={() => setEditing('new')}>{t('feesBooks.statement.addLine')}</Button>}>
      <Table rowKey="id" size="small" pagination={false} dataSource={s.lines} columns={columns} scroll={{ x: 1100 }} />
      {editing && (
        <FormModal<LineForm>
          title={editing === 'new' ? t('feesBooks.statement.addLine') : t('feesBooks.statement.lineTitle', { no: editing.lineNo })}
          open
          onClose={() => setEditing(null)}
          initialValues={initial(editing)}
          width={640}
          submit={async (v) => {
            const body: BookLineBody = {
              direction: v.direction,
              category: v.category,
              amountFen: toFen(v.amount),
              counterparty: v.counterparty.trim(),
              counterpartyKind: v.counterpartyKind,
              description: v.description.trim(),
              occurredOn: v.occurredOn,
              basisKind: v.basisKind,
              basisRef: v.basisRef.trim(),
            };
            if (editing === 'new') await add.mutateAsync({ statementId: s.id, ...body });
            else await update.mutateAsync({ lineId: editing.id, ...body });
            setEditing(null);
          }}
        >
          <LineFields />
        </FormModal>
      )}
      {uploading && <VoucherModal line={uploading} onClose={() => setUploading(null)} />}
    </Card>
  );
}

function LineFields() {
  const { t } = useTranslation();
  const direction = Form.useWatch<BookDirection>('direction');
  const basisKind = Form.useWatch<'decision' | 'contract'>('basisKind');
  const categories = direction === 'income' ? MANUAL_INCOME : MANUAL_EXPENSE;
  return (
    <>
      <Form.Item name="direction" label={t('feesBooks.statement.directionLabel')} rules={[{ required: true }]}>
        <Select options={(['income', 'expense'] as const).map((d) => ({ value: d, label: t(`feesBooks.direction.${d}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('feesBooks.statement.categoryLabel')} rules={[{ required: true }]}>
        <Select options={categories.map((c) => ({ value: c, label: t(`feesBooks.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="amount" label={t('feesBooks.statement.amount')} rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,2})?$/ }]}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="counterparty" label={t('feesBooks.statement.counterparty')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="counterpartyKind" label={t('feesBooks.statement.counterpartyKindLabel')} rules={[{ required: true }]}>
        <Select options={BOOK_COUNTERPARTY_KINDS.map((k) => ({ value: k, label: t(`feesBooks.counterpartyKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('feesBooks.statement.description')} rules={[{ required: true, whitespace: true, max: 300 }]}>
        <Input.TextArea maxLength={300} rows={2} />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('feesBooks.statement.date')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
        <Input maxLength={10} placeholder="2026-11-15" />
      </Form.Item>
      <Form.Item name="basisKind" label={t('feesBooks.statement.basis')} rules={[{ required: true }]}>
        <Select options={BOOK_BASIS_KINDS.map((k) => ({ value: k, label: t(`feesBooks.basisKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="basisRef" label={basisKind === 'decision' ? t('feesBooks.statement.decisionId') : t('feesBooks.statement.contractNo')} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input maxLength={64} />
      </Form.Item>
    </>
  );
}

function VoucherModal({ line, onClose }: { line: StatementLine; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadVoucher();
  const [file, setFile] = useState<File | null>(null);
  return (
    <FormModal<{ masked: boolean }>
      title={t('feesBooks.statement.uploadTitle', { no: line.lineNo })}
      open
      onClose={onClose}
      initialValues={{ masked: false }}
      submit={async (v) => {
        if (!file) throw new Error(t('feesBooks.statement.fileHelp'));
        await upload.mutateAsync({ lineId: line.id, file, masked: !!v.masked });
        onClose();
      }}
    >
      <Form.Item label={t('feesBooks.statement.vouchers')} help={t('feesBooks.statement.fileHelp')} required>
        <Upload accept="image/jpeg,image/png,application/pdf" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
          <Button icon={<UploadOutlined />}>{t('feesBooks.statement.upload')}</Button>
        </Upload>
      </Form.Item>
      <Alert type="warning" showIcon title={t('feesBooks.statement.maskedHelp')} style={{ marginBottom: 12 }} />
      <Form.Item name="masked" valuePropName="checked">
        <Checkbox>{t('feesBooks.statement.maskedTick')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
