import { FileAddOutlined, FileExclamationOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LETTER_KINDS, LETTER_STATUSES, PARTY_ROLES } from '#server/modules/party/contract.ts';
import { formatDate, todayInShanghai } from '../../../../shared/format.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { base, download, type LetterRow, useLetterOptions, useLetters } from '../api.ts';
import { AdmonitionModal, AnnualLetterModal } from '../components/LetterForms.tsx';
import { KindTag, StatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'kind', 'status', 'year'] as const;

/** 报到函件: the annual service letters and 函告 of my communities (a liaison: those sent to its organisations). */
export function LettersPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const writes = me.grants.some((g) => (PARTY_ROLES.lettersWrite as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const letters = useLetters(list.query);
  const options = useLetterOptions(writes);
  const [open, setOpen] = useState<'annual' | 'admonition' | null>(null);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const columns: TableColumnsType<LetterRow> = [
    { title: t('partyLetters.col.kind'), key: 'kind', sorter: true, render: (_, r) => <KindTag kind={r.kind} /> },
    { title: t('partyLetters.col.subject'), key: 'subject', render: (_, r) => <Link to={`/party/letters/${r.id}`}>{r.subject}</Link> },
    { title: t('partyLetters.col.community'), dataIndex: 'communityName' },
    { title: t('partyLetters.col.organisation'), key: 'organisation', sorter: true, dataIndex: 'organisationName' },
    { title: t('partyLetters.col.year'), key: 'year', sorter: true, render: (_, r) => r.year ?? '—' },
    { title: t('partyLetters.col.member'), dataIndex: 'memberName', render: (v: string | null) => v ?? '—' },
    { title: t('partyLetters.col.status'), key: 'status', sorter: true, render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('partyLetters.col.sentAt'), key: 'sentAt', sorter: true, render: (_, r) => formatDate(r.sentAt) || '—' },
  ];
  return (
    <>
      <PageHeader
        title={t('partyLetters.page.title')}
        extra={
          <>
            <ExportButton total={letters.data?.total ?? 0} limit={20000} i18nPrefix="partyLetters.page" run={() => download(`${base}/export.xlsx`, list.query, `${t('partyLetters.page.title')}.xlsx`)} />
            {writes && options.data && (
              <>
                <Button icon={<FileExclamationOutlined />} onClick={() => setOpen('admonition')}>
                  {t('partyLetters.admonition.button')}
                </Button>
                <Button type="primary" icon={<FileAddOutlined />} onClick={() => setOpen('annual')}>
                  {t('partyLetters.annual.button')}
                </Button>
              </>
            )}
          </>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('partyLetters.page.search') }}
        selects={[
          { field: 'kind', label: t('partyLetters.col.kind'), options: optionsOf(LETTER_KINDS, (k) => t(`partyLetters.kind.${k}`)) },
          { field: 'status', label: t('partyLetters.col.status'), options: optionsOf(LETTER_STATUSES, (s) => t(`partyLetters.status.${s}`)) },
          { field: 'year', label: t('partyLetters.col.year'), options: [0, 1, 2, 3, 4].map((n) => ({ value: String(thisYear - n), label: String(thisYear - n) })) },
        ]}
        query={letters}
        columns={columns}
        empty={{ none: t('partyLetters.page.none'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      />
      {options.data && (
        <>
          <AnnualLetterModal open={open === 'annual'} onClose={() => setOpen(null)} options={options.data} />
          <AdmonitionModal open={open === 'admonition'} onClose={() => setOpen(null)} options={options.data} />
        </>
      )}
    </>
  );
}
