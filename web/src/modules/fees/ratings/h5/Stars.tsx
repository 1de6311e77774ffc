import { useTranslation } from 'react-i18next';

/**
 * Five large stars as real radio buttons: a tap or an arrow key picks a score, no drag gesture (antd-mobile's
 * Rate needs a touch drag and cannot be reached by keyboard — the same choice as the repairs' rating). Read-only
 * when `onChange` is absent (a rating already given).
 */
export function Stars({ value, onChange, label }: { value: number; onChange?: (v: number) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-label={label} aria-readonly={!onChange} className="gz-fer-stars">
      {[1, 2, 3, 4, 5].map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          aria-label={t('feesRatings.h5.stars', { rating: v })}
          className={v <= value ? 'gz-fer-star gz-fer-star-on' : 'gz-fer-star'}
          disabled={!onChange}
          onClick={() => onChange?.(v)}
          onKeyDown={(e) => {
            if (!onChange) return;
            if (e.key === 'ArrowRight' || e.key === 'ArrowUp') onChange(Math.min(5, (value || 0) + 1));
            if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') onChange(Math.max(1, (value || 2) - 1));
          }}
        >
          ★
        </button>
      ))}
    </div>
  );
}
