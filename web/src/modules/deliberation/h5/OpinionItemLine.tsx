import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useItemOfOpinion } from '../api.ts';
import './deliberation-h5.css';

/** On an opinion's H5 page: the item it became and its stage, linking to the item (nothing when it became none). */
export function OpinionItemLine({ opinionId }: { opinionId: string }) {
  const { t } = useTranslation();
  const q = useItemOfOpinion(opinionId);
  if (!q.data) return null;
  return (
    <Link className="gz-dlb-opinion-link" to={`/deliberation/items/${q.data.id}`}>
      {t('deliberation.h5.fromOpinion', { code: q.data.code, stage: t(`deliberation.stage.${q.data.stage}`) })}
    </Link>
  );
}
