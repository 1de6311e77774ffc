import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../resident/PageTitle.tsx';
import { formatShare } from '../../../shared/format.ts';
import { type MyHome, type MyRoom, useMyHome } from '../api.ts';

type Committee = MyRoom['committees'][number];
/** The server builds members with json_agg and parses them back, so their type is not inferred. */
type Member = { name: string; title: string };

interface CompoundGroup {
  id: string;
  name: string;
  address: string | null;
  companyName: string | null;
  companyPhone: string | null;
  rooms: MyRoom[];
  committees: Committee[];
}

/** A resident may hold rooms in more than one compound: one block per compound. */
function byCompound(home: MyHome): CompoundGroup[] {
  const groups = new Map<string, CompoundGroup>();
  for (const r of home.rooms) {
    let g = groups.get(r.compoundId);
    if (!g) {
      g = {
        id: r.compoundId,
        name: r.compoundName,
        address: r.address,
        companyName: r.companyName,
        companyPhone: r.companyPhone,
        rooms: [],
        committees: r.committees,
      };
      groups.set(r.compoundId, g);
    }
    g.rooms.push(r);
  }
  return [...groups.values()];
}

/** The top of the resident home (首页 · 我的家): its title and a greeting by name. */
export function MyHomeHeader() {
  const { t } = useTranslation();
  const home = useMyHome();
  return (
    <>
      <PageTitle>{t('h5.myHome')}</PageTitle>
      {home.data?.person && <p className="gz-greeting">{t('h5.greeting', { name: home.data.person.name })}</p>}
    </>
  );
}

/** My compound and its property company, my rooms, who serves us: one block per compound. */
export function MyRoomsSection() {
  const { t } = useTranslation();
  const home = useMyHome();
  if (home.isPending) {
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (home.isError) {
    return (
      <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={home.error.message}>
        <Button color="primary" onClick={() => void home.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  const groups = byCompound(home.data);
  if (groups.length === 0) return <ErrorBlock status="empty" fullPage={false} title={t('h5.noRooms')} description={t('h5.noRoomsHint')} />;
  return (
    <>
      {groups.map((g) => (
        <CompoundBlock key={g.id} group={g} />
      ))}
    </>
  );
}

function CompoundBlock({ group }: { group: CompoundGroup }) {
  const { t } = useTranslation();
  return (
    <section className="gz-compound" aria-labelledby={`c-${group.id}`}>
      <div className="gz-compound-hero">
        <h2 id={`c-${group.id}`}>{group.name}</h2>
        {group.address && <p className="gz-compound-address">{group.address}</p>}
        <p className="gz-compound-company">
          <span className="gz-label">{t('h5.propertyCompany')}</span>
          {group.companyName ?? t('h5.noCompany')}
          {group.companyPhone && (
            // The company's service line, in full and one tap from a call.
            <a className="gz-compound-phone" href={`tel:${group.companyPhone.replace(/[^\d+]/g, '')}`} aria-label={t('h5.callCompany', { phone: group.companyPhone })}>
              {group.companyPhone}
            </a>
          )}
        </p>
      </div>
      <List header={t('h5.myRooms')}>
        {group.rooms.map((r) => (
          <List.Item
            key={r.householdId}
            description={`${t('h5.area', { area: r.area })} · ${t(`room.useKind.${r.use}`)}`}
            extra={
              <Tag color={r.relation === 'owner' || r.relation === 'co_owner' ? 'danger' : '#1f6fd1'} fill="outline">
                {t(`household.relation.${r.relation}`)}
                {r.shareBp && r.shareBp < 10000 ? ` ${formatShare(r.shareBp)}` : ''}
              </Tag>
            }
          >
            <span className="gz-room-label">{r.roomLabel}</span>
          </List.Item>
        ))}
      </List>
      <CommitteeList committees={group.committees} />
    </section>
  );
}

/** Closest to home first: the compound's own committee and branches, then the community, then the street. */
const KIND_ORDER = ['owners_committee', 'party_org', 'residents_committee', 'property_committee'];
const byKind = (a: Committee, b: Committee) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);

/** Long lists (a residents' committee with thirty building leaders) fold after the first few. */
const FOLD_AFTER = 8;

function Members({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (members.length === 0) return <>{t('h5.noMembers')}</>;
  const shown = open ? members : members.slice(0, FOLD_AFTER);
  return (
    <>
      <ul className="gz-members">
        {shown.map((m) => (
          <li key={`${m.name}-${m.title}`}>
            <span className="gz-member-title">{m.title}</span> {m.name}
          </li>
        ))}
      </ul>
      {members.length > FOLD_AFTER && (
        <button type="button" className="gz-link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('h5.fewerMembers') : t('h5.allMembers', { count: members.length })}
        </button>
      )}
    </>
  );
}

function CommitteeList({ committees }: { committees: Committee[] }) {
  const { t } = useTranslation();
  if (committees.length === 0) {
    return (
      <List header={t('h5.committees')}>
        <List.Item>{t('h5.noCommittees')}</List.Item>
      </List>
    );
  }
  return (
    <List header={t('h5.committees')}>
      {[...committees].sort(byKind).map((c) => (
        <List.Item key={c.id} description={<Members members={c.members as Member[]} />}>
          <span className="gz-committee-name">{c.name}</span> <Tag fill="outline">{t(`organisation.kind.${c.kind}`)}</Tag>
        </List.Item>
      ))}
    </List>
  );
}
