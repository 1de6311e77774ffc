import { Alert, Button, Flex, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTimeSeconds } from '../../shared/format.ts';
import { useListParams } from '../../shared/list-params.ts';
import { ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { type AuditEntry, useAudit, useAuditVerify } from './api.ts';
import { detailLines } from './audit-detail.ts';

const FILTERS = ['action', 'actor', 'subjectId'] as const;
/** Action prefixes worth filtering by; the API matches the start of the action code. */
const ACTION_PREFIXES = [
  'auth.',
  'registry.place.',
  'registry.person.',
  'registry.person.pii_read',
  'registry.household.',
  'registry.organisation.',
  'registry.position.',
  'approval.',
  'account.',
  'notify.',
  'figures.',
  'payouts.',
  'registry.import.',
  'repairs.',
  'notices.',
  'opinions.',
  'activation.',
];

const SUBJECT_PAGES: Record<string, string> = {
  place: '/registry/places/',
  person: '/registry/persons/',
  organisation: '/registry/organisations/',
};

/** Whether the hash chain is intact: the first thing a supervisor wants to know. */
function ChainBanner() {
  const { t } = useTranslation();
  const verify = useAuditVerify();
  if (verify.isPending) return <Alert type="info" showIcon title={t('audit.verifying')} />;
  if (verify.isError) return <Alert type="error" showIcon title={t('audit.verifyFailed')} description={verify.error.message} />;
  const r = verify.data;
  const recheck = (
    <Button size="small" onClick={() => void verify.refetch()} loading={verify.isFetching}>
      {t('audit.recheck')}
    </Button>
  );
  if (r.ok) return <Alert type="success" showIcon title={t('audit.chainOk', { count: r.entries })} action={recheck} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.chainBroken', { count: r.problems.length, entries: r.entries })}
      action={recheck}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {r.problems.slice(0, 20).map((p) => (
            <li key={`${p.seq}-${p.kind}`}>
              {t(`audit.problem.${p.kind}`, { seq: p.seq })} <Typography.Text type="secondary">({p.message})</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function Subject({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.subjectType) return <>—</>;
  const label = t(`audit.subject.${entry.subjectType}`, { defaultValue: entry.subjectType });
  const short = entry.subjectId ? entry.subjectId.slice(-8) : '';
  const page = SUBJECT_PAGES[entry.subjectType];
  return (
    <Tooltip title={entry.subjectId}>
      {label} {page && entry.subjectId ? <Link to={page + entry.subjectId}>…{short}</Link> : <span>…{short}</span>}
    </Tooltip>
  );
}

/** The detail as lines (field: value, a change as before → after); the raw JSON stays in the tooltip. */
function Detail({ detail }: { detail: unknown }) {
  const { t } = useTranslation();
  const lines = detailLines(detail);
  if (lines.length === 0) return <>—</>;
  const shown = lines.slice(0, 4);
  return (
    <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(detail, null, 2)}</pre>}>
      <div style={{ maxWidth: 320 }}>
        {shown.map((l) => (
          <div key={l.field} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {l.field && <Typography.Text type="secondary">{t(`auditField.${l.field}`, { defaultValue: l.field })}：</Typography.Text>}
            {l.value !== undefined ? (
              l.value
            ) : (
              <>
                <Typography.Text delete type="secondary">{l.before}</Typography.Text> → <Typography.Text strong>{l.after}</Typography.Text>
              </>
            )}
          </div>
        ))}
        {lines.length > shown.length && <Typography.Text type="secondary">…</Typography.Text>}
      </div>
    </Tooltip>
  );
}

/** The tamper-evident log of who did what, filterable, with the chain's health on top. */
export function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const audit = useAudit(list.query);

  const columns: TableColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'seq', align: 'right', sorter: true },
    { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTimeSeconds(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', sorter: true },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      sorter: true,
      render: (a: string) => (
        <Tooltip title={a}>
          <span>{t(`auditAction.${a.replaceAll('.', '_')}`, { defaultValue: a })}</span>
        </Tooltip>
      ),
    },
    { title: t('audit.subjectLabel'), key: 'subject', render: (_, e) => <Subject entry={e} /> },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      render: (d: unknown) => <Detail detail={d} />,
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      render: (h: string) => (
        <Tooltip title={h}>
          <Typography.Text code>{h.slice(0, 10)}</Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.audit')} />
      <Flex vertical gap={16}>
        <ChainBanner />
        <ListCard
          list={list}
          query={audit}
          columns={columns}
          rowKey="seq"
          empty={t('audit.none')}
          selects={[
            {
              field: 'action',
              label: t('audit.actionFilter'),
              options: ACTION_PREFIXES.map((p) => ({ value: p, label: t(`auditPrefix.${p.replace(/\.$/, '').replaceAll('.', '_')}`, { defaultValue: p }) })),
              width: 200,
            },
          ]}
        >
          <SearchInput list={list} field="actor" label={t('audit.actorFilter')} width={200} />
          <SearchInput list={list} field="subjectId" label={t('audit.subjectFilter')} width={320} />
        </ListCard>
      </Flex>
    </>
  );
}
