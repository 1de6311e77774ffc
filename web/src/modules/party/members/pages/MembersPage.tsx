import { App, Button, Input, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/api.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import type { Me } from '../../../../shared/session.ts';
import { useMe } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { MemberFormModal, type MemberFormValues } from '../components/MemberForm.tsx';
import { download, type MemberRow, useCreateMember, useEndMember, useMember, useMemberOrganisations, useMembers, useUpdateMember } from '../api.ts';

const FILTERS = ['q', 'membership', 'branchId', 'workplaceOrgId', 'status'] as const;
const holds = (me: Me | null | undefined, roles: readonly string[]) => !!me?.grants.some((g) => roles.includes(g.role));

/** 党员名册: member records in my places (a workplace liaison: its employed members), with add, edit, end and export. */
export function MembersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { scope } = useScope();
  const me = useMe().data;
  const list = useListParams(FILTERS);
  const query = { ...list.query, ...(scope ? { placeId: scope.id } : {}) };
  const members = useMembers(query);
  const organisations = useMemberOrganisations();
  const [editing, setEditing] = useState<string | null | 'new'>(null);
  const [error, setError] = useState<string | null>(null);
  const member = useMember(editing && editing !== 'new' ? editing : null);
  const create = useCreateMember();
  const update = useUpdateMember();
  const end = useEndMember();
  const manage = holds(me, PARTY_ROLES.membersManage);

  const save = async (v: MemberFormValues) => {
    setError(null);
    const organised = v.membership === 'local' ? { branchId: v.branchId ?? null, workplaceOrgId: null } : { workplaceOrgId: v.workplaceOrgId ?? null, branchId: null };
    try {
      if (editing === 'new') await create.mutateAsync({ personId: v.personId!, membership: v.membership, ...organised, joinedOn: v.joinedOn, note: v.note ?? '' });
      else if (editing) await update.mutateAsync({ id: editing, membership: v.membership, ...organised, joinedOn: v.joinedOn, note: v.note ?? '' });
      void message.success(t('partyMembers.page.saved'));
      setEditing(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const confirmEnd = (r: MemberRow) => {
    let leftOn = '';
    modal.confirm({
      title: t('partyMembers.end.title', { name: r.personName }),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('partyMembers.end.body')}</span>
          <Input type="date" aria-label={t('partyMembers.col.leftOn')} onChange={(e) => (leftOn = e.target.value)} />
        </Space>
      ),
      okText: t('partyMembers.end.ok'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await end.mutateAsync({ id: r.id, ...(leftOn ? { leftOn } : {}) });
          void message.success(t('partyMembers.end.done'));
        } catch (e) {
          void message.error(e instanceof ApiError ? e.message : String(e));
          throw e;
        }
      },
    });
  };

  const columns: TableColumnsType<MemberRow> = [
    {
      title: t('partyMembers.col.name'),
      dataIndex: 'personName',
      key: 'name',
      sorter: true,
      render: (v: string, r) => (
        <Space size={4}>
          {v}
          {r.badgePublic && <Tag color="red">{t('partyMembers.badge.shown')}</Tag>}
        </Space>
      ),
    },
    { title: t('partyMembers.col.membership'), dataIndex: 'membership', render: (v: MemberRow['membership']) => <Tag color={v === 'local' ? 'red' : 'orange'}>{t(`partyMembers.membership.${v}`)}</Tag> },
    { title: t('partyMembers.col.organisation'), dataIndex: 'organisationName' },
    { title: t('partyMembers.col.place'), dataIndex: 'placeLabel', key: 'place', sorter: true },
    { title: t('partyMembers.col.joinedOn'), dataIndex: 'joinedOn', key: 'joinedOn', sorter: true },
    {
      title: t('partyMembers.col.status'),
      dataIndex: 'status',
      render: (v: MemberRow['status'], r) => (v === 'active' ? <Tag color="green">{t('partyMembers.status.active')}</Tag> : <Tag>{t('partyMembers.status.leftOn', { date: r.leftOn })}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        manage && r.status === 'active' ? (
          <Space>
            <Button size="small" onClick={() => { setError(null); setEditing(r.id); }}>
              {t('partyMembers.page.edit')}
            </Button>
            <Button size="small" danger onClick={() => confirmEnd(r)}>
              {t('partyMembers.end.ok')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  const orgs = organisations.data;
  return (
    <>
      <PageHeader
        title={t('partyMembers.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {manage && (
              <Button type="primary" onClick={() => { setError(null); setEditing('new'); }}>
                {t('partyMembers.page.add')}
              </Button>
            )}
            <ExportButton total={members.data?.total ?? 0} limit={20000} i18nPrefix="partyMembers.page" run={() => download('/api/party/members/export.xlsx', query, `${t('partyMembers.page.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={members}
        columns={columns}
        search={{ label: t('partyMembers.page.search') }}
        selects={[
          { field: 'membership', label: t('partyMembers.col.membership'), options: (['local', 'employed'] as const).map((m) => ({ value: m, label: t(`partyMembers.membership.${m}`) })) },
          { field: 'status', label: t('partyMembers.col.status'), options: (['active', 'left'] as const).map((s) => ({ value: s, label: t(`partyMembers.status.${s}`) })) },
          { field: 'branchId', label: t('partyMembers.col.branch'), width: 220, options: (orgs?.branches ?? []).map((b) => ({ value: b.id, label: b.name })) },
          { field: 'workplaceOrgId', label: t('partyMembers.col.workplaceOrg'), width: 220, options: (orgs?.workplaceOrgs ?? []).map((b) => ({ value: b.id, label: b.name })) },
        ]}
        empty={{ none: t('partyMembers.page.empty'), noMatch: t('partyMembers.page.noMatch') }}
      />
      <MemberFormModal
        key={editing ?? 'closed'}
        open={editing === 'new' || (!!editing && !!member.data)}
        member={editing && editing !== 'new' ? (member.data ?? null) : null}
        organisations={orgs}
        saving={create.isPending || update.isPending}
        error={error}
        onCancel={() => setEditing(null)}
        onSave={(v) => void save(v)}
      />
    </>
  );
}

