/** How far something has gone: a bar with "value / max" written on it. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
    >
      <span className="progress-fill" style={{ width: `${pct}%` }} />
      <span className="progress-text">
        {value.toLocaleString()} / {max.toLocaleString()}
      </span>
    </div>
  );
}
