import { useTranslation } from 'react-i18next';
import type { MyDecision } from './api.ts';

/** A ballot's choice on each item, as the owner's page lists it (online or paper alike). */
export function ChoicesSummary({ items, choices }: { items: MyDecision['items']; choices: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  return (
    <ul className="gz-dec-summary">
      {items.map((i) => {
        const c = choices[String(i.no)];
        return (
          <li key={i.no}>
            <span>
              {i.no}. {i.title}
            </span>
            <strong>{c ? t(`decisionsH5.choice.${c}`) : '—'}</strong>
          </li>
        );
      })}
    </ul>
  );
}
