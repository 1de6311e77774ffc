import { App, Button, Drawer, Form, Input, List, Modal, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type TeamRow, useAddMember, useCandidates, useRemoveMember, useSaveTeam, useTeam, useTeams } from '../api.ts';
import { usePlaceOptions } from '../components/usePlaceOptions.ts';
import '../i18n.ts';

const FILTERS = ['q'] as const;

/** 志愿者队伍: the teams of my places — search, sort, page; form a team, change it, add and remove its members. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const teams = useTeams({ ...list.query, placeId: scope?.id });
  const places = usePlaceOptions();
  const [editing, setEditing] = useState<TeamRow | 'new' | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const columns: TableColumnsType<TeamRow> = [
    { title: t('volRegistry.teams.name'), dataIndex: 'name', key: 'name', sorter: true, render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
    { title: t('volRegistry.teams.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    { title: t('volRegistry.teams.leader'), dataIndex: 'leaderName', render: (v: string | null) => v ?? '—' },
    { title: t('volRegistry.teams.members'), dataIndex: 'members' },
    { title: t('volRegistry.teams.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('volRegistry.col.actions'), key: 'actions', render: (_, r) => r.canManage && <Button size="small" onClick={() => setEditing(r)}>{t('volRegistry.teams.edit')}</Button> },
  ];
  return (
    <>
      <PageHeader
        title={t('volRegistry.teams.title')}
        tags={<ScopeNote />}
        extra={
          places.canManage && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('volRegistry.teams.add')}
            </Button>
          )
        }
      />
      <ListCard list={list} query={teams} columns={columns} search={{ label: t('volRegistry.teams.search') }} empty={{ none: t('volRegistry.teams.none'), noMatch: t('volRegistry.page.noMatch') }} />
      {editing && <TeamModal team={editing === 'new' ? null : editing} places={places.options} onClose={() => setEditing(null)} />}
      <TeamDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function TeamModal({ team, places, onClose }: { team: TeamRow | null; places: { value: string; label: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ placeId: string; name: string; leaderVolunteerId: string | null; description: string }>();
  const save = useSaveTeam();
  const detail = useTeam(team?.id ?? null);
  return (
    <Modal
      open
      title={team ? t('volRegistry.teams.edit') : t('volRegistry.teams.add')}
      okText={t('volRegistry.teams.save')}
      cancelText={t('volRegistry.review.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          save.mutateAsync({ id: team?.id, ...v, leaderVolunteerId: v.leaderVolunteerId ?? null, description: v.description ?? '' }).then(
            () => (void message.success(t('volRegistry.teams.saved')), onClose()),
            (e: Error) => void message.error(e.message),
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={team ? { name: team.name, leaderVolunteerId: team.leaderVolunteerId, description: team.description } : {}}>
        {!team && (
          <Form.Item name="placeId" label={t('volRegistry.teams.place')} rules={[{ required: true, message: t('volRegistry.teams.placeRequired') }]}>
            <Select options={places} placeholder={t('volRegistry.teams.place')} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('volRegistry.teams.name')} rules={[{ required: true, whitespace: true, message: t('volRegistry.teams.nameRequired') }, { max: 60 }]}>
          <Input maxLength={60} placeholder={t('volRegistry.teams.namePlaceholder')} />
        </Form.Item>
        {team && (
          <Form.Item name="leaderVolunteerId" label={t('volRegistry.teams.leader')}>
            <Select allowClear options={(detail.data?.members ?? []).map((m) => ({ value: m.volunteerId, label: m.personName }))} placeholder={t('volRegistry.teams.leaderHint')} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('volRegistry.teams.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TeamDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const team = useTeam(id);
  const [q, setQ] = useState('');
  const candidates = useCandidates(team.data?.canManage ? id : null, q);
  const add = useAddMember(id ?? '');
  const remove = useRemoveMember(id ?? '');
  const fail = (e: Error) => void message.error(e.message);
  return (
    <Drawer open={!!id} onClose={onClose} width={520} title={team.data?.name ?? ''} destroyOnHidden>
      {team.data && (
        <>
          <p>{team.data.description}</p>
          <p>
            {t('volRegistry.teams.place')}：{team.data.placeName} · {t('volRegistry.teams.leader')}：{team.data.leaderName ?? '—'}
          </p>
          {team.data.canManage && (
            <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
              <Select
                showSearch
                style={{ width: '100%' }}
                placeholder={t('volRegistry.teams.addMember')}
                filterOption={false}
                onSearch={setQ}
                value={null}
                options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.personName} · ${c.placeName}` }))}
                onChange={(v: string) => add.mutateAsync(v).then(() => void message.success(t('volRegistry.teams.memberAdded')), fail)}
                notFoundContent={t('volRegistry.teams.noCandidates')}
              />
            </Space.Compact>
          )}
          <List
            header={t('volRegistry.teams.memberList', { count: team.data.members.length })}
            dataSource={team.data.members}
            locale={{ emptyText: t('volRegistry.teams.noMembers') }}
            renderItem={(m) => (
              <List.Item
                actions={
                  team.data!.canManage
                    ? [
                        <Popconfirm key="rm" title={t('volRegistry.teams.removeConfirm', { name: m.personName })} okText={t('volRegistry.review.ok')} cancelText={t('volRegistry.review.cancel')} onConfirm={() => remove.mutateAsync(m.volunteerId).catch(fail)}>
                          <Button size="small" danger>
                            {t('volRegistry.teams.remove')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <>
                      {m.personName} {m.volunteerId === team.data!.leaderVolunteerId && <Tag color="red">{t('volRegistry.teams.leader')}</Tag>}
                    </>
                  }
                  description={`${m.phoneMasked} · ${m.skills.join('、')}`}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
