import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import type { Relation } from '../api.ts';

const RELATION_COLOR: Record<Relation, string> = { owner: 'volcano', co_owner: 'orange', tenant: 'blue', family: 'green' };
const PERSON_TAG_COLOR: Record<string, string> = {
  party_member: 'red',
  low_income: 'gold',
  extreme_hardship: 'magenta',
  elderly: 'purple',
  disabled: 'cyan',
  volunteer: 'green',
};

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag>{t(`place.kind.${kind}`)}</Tag>;
}

export function RelationTag({ relation }: { relation: Relation }) {
  const { t } = useTranslation();
  return <Tag color={RELATION_COLOR[relation]}>{t(`household.relation.${relation}`)}</Tag>;
}

export function PersonTags({ tags }: { tags: readonly string[] | null }) {
  const { t } = useTranslation();
  if (!tags?.length) return null;
  return (
    <>
      {tags.map((tag) => (
        <Tag key={tag} color={PERSON_TAG_COLOR[tag]}>
          {t(`person.tag.${tag}`)}
        </Tag>
      ))}
    </>
  );
}

export function OrganisationKindTag({ kind, partyLevel }: { kind: string; partyLevel?: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'party_org' ? 'red' : undefined}>
      {partyLevel ? t(`organisation.partyLevel.${partyLevel}`) : t(`organisation.kind.${kind}`)}
    </Tag>
  );
}

/** A household's end date, or "current" while it lasts. */
export function UntilDate({ date }: { date: string | null }) {
  const { t } = useTranslation();
  return date ? formatDate(date) : <Tag color="success">{t('household.current')}</Tag>;
}
