import { ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle.tsx';

/** 办事 and 议事 are being built: say so kindly, and what will come. */
export function ComingSoonPage({ area }: { area: 'services' | 'decide' | 'notFound' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t(`h5.soon.${area}.title`)}</PageTitle>
      <ErrorBlock
        status="empty"
        fullPage={false}
        title={t(`h5.soon.${area}.headline`)}
        description={t(`h5.soon.${area}.body`)}
        className="gz-soon"
      />
    </>
  );
}
