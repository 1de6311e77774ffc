import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Colour } from '#server/modules/supervision/contract.ts';
import { useResidentHome } from '../../../../resident/home.ts';
import type { MyCompoundColour } from '../api.ts';

interface Slice {
  supervisionColours?: MyCompoundColour[];
}

const TAG: Record<Colour, string> = { green: '#389e0d', blue: '#1677ff', yellow: '#d48806', red: '#cf1322' };

/**
 * For the resident home: 物业服务评价 — their compound's published colour with the company and the period, and what
 * the four colours mean in plain words (server: the assessment part's residentHome; only published colours come).
 */
export function AssessmentHomeSection() {
  const { t } = useTranslation();
  const home = useResidentHome<Slice>();
  const colours = home.data?.supervisionColours ?? [];
  if (colours.length === 0) return null;
  return (
    <section aria-label={t('supervisionAssessment.h5.title')}>
      <List header={t('supervisionAssessment.h5.title')}>
        {colours.map((c) => (
          <List.Item
            key={c.compoundId}
            description={t('supervisionAssessment.h5.who', { company: c.companyName, period: c.period })}
            extra={
              <Tag color={TAG[c.colour]} fill="solid" data-testid="home-colour" data-colour={c.colour} style={{ fontSize: 'inherit', padding: '4px 8px' }}>
                {t(`supervisionAssessment.colour.${c.colour}`)}
              </Tag>
            }
          >
            {t('supervisionAssessment.h5.line', { compound: c.compoundName, colour: t(`supervisionAssessment.colour.${c.colour}`) })}
          </List.Item>
        ))}
        <List.Item>
          <span style={{ color: 'var(--adm-color-weak)' }}>{t('supervisionAssessment.h5.explain')}</span>
        </List.Item>
      </List>
    </section>
  );
}
