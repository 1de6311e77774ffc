import { LeftOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** A sub-page's title bar: the page's h1 and a back button (to `fallback` when opened from a QR code or link). */
export function BackTitle({ children, fallback }: { children: ReactNode; fallback: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = () => (window.history.state?.idx > 0 ? navigate(-1) : navigate(fallback, { replace: true }));
  return (
    <header className="gz-titlebar gz-back-titlebar">
      <button type="button" className="gz-back" onClick={back} aria-label={t('h5.back')}>
        <LeftOutline aria-hidden />
      </button>
      <h1>{children}</h1>
    </header>
  );
}
