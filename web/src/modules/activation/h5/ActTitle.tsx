import { LeftOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../i18n.ts';
import './activation-h5.css';

/** The title bar of an activation page: its h1 and, where there is somewhere to go back to, a back button. */
export function ActTitle({ children, back }: { children: ReactNode; back?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goBack = () => (window.history.state?.idx > 0 ? navigate(-1) : navigate(back ?? '/', { replace: true }));
  return (
    <header className="gz-titlebar gz-act-titlebar">
      {back && (
        <button type="button" className="gz-act-back" onClick={goBack} aria-label={t('activation.h5.back')}>
          <LeftOutline aria-hidden />
        </button>
      )}
      <h1>{children}</h1>
    </header>
  );
}
