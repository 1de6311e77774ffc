import { useTranslation } from 'react-i18next';

/**
 * Five large stars as real radio buttons: a tap or a key press picks a rating, no drag gesture
 * (antd-mobile's Rate needs a touch drag and cannot be reached by keyboard).
 */
export function StarPicker({ value, onChange, label }: { value: number; onChange: (v: number) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-label={label} className="gz-rep-starpicker">
      {[1, 2, 3, 4, 5].map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          aria-label={t('repairs.stars', { rating: v })}
          className={v <= value ? 'gz-rep-star gz-rep-star-on' : 'gz-rep-star'}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
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
