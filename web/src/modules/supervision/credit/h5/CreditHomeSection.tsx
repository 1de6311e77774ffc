import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { CreditGrade } from '#server/modules/supervision/contract.ts';
import { useResidentHome } from '../../../../resident/home.ts';
import type { MyCompanyCredit } from '../api.ts';

interface Slice {
  supervisionCredit?: MyCompanyCredit[];
}

const TAG: Record<CreditGrade, string> = { AAA: '#389e0d', AA: '#08979c', A: '#1677ff', B: '#d48806', C: '#cf1322' };

/**
 * For the resident home: 物业企业信用 — the credit grade of their compound's property company and one plain line on
 * what the grades mean (server: the credit part's residentHome; the grade only, never the score or the records).
 */
export function CreditHomeSection() {
  const { t } = useTranslation();
  const home = useResidentHome<Slice>();
  const grades = home.data?.supervisionCredit ?? [];
  if (grades.length === 0) return null;
  return (
    <section aria-label={t('supervisionCredit.h5.title')}>
      <List header={t('supervisionCredit.h5.title')}>
        {grades.map((g) => (
          <List.Item
            key={g.compoundId}
            description={t('supervisionCredit.h5.who', { compound: g.compoundName, company: g.companyName })}
            extra={
              <Tag color={TAG[g.grade]} fill="solid" data-testid="home-credit-grade" data-grade={g.grade} style={{ fontSize: 'inherit', padding: '4px 8px' }}>
                {t('supervisionCredit.gradeTag', { grade: g.grade })}
              </Tag>
            }
          >
            {t('supervisionCredit.h5.line', { grade: g.grade })}
          </List.Item>
        ))}
        <List.Item>
          <span style={{ color: 'var(--adm-color-weak)' }}>{t('supervisionCredit.h5.explain')}</span>
        </List.Item>
      </List>
    </section>
  );
}
