/** A small accessible bar chart (SVG): one bar per row, its value written beside it. */
export function BarChart({
  title,
  rows,
  unit = "",
  format,
}: {
  title: string;
  rows: { label: string; value: number | null }[];
  unit?: string /** How a value is written (money), instead of the number and unit. */;
  format?: (v: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const h = 22;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} width="100%" height={rows.length * h + 4}>
        {rows.map((r, i) => {
          const pct = ((r.value ?? 0) / max) * 55;
          return (
            <g key={r.label}>
              <text x="0" y={i * h + 17} fontSize="12">
                {r.label}
              </text>
              <rect x="30%" y={i * h + 5} height="14" width={`${pct}%`} fill="#128c7e" rx="2" />
              <text x={`${31 + pct}%`} y={i * h + 17} fontSize="12">
                {r.value === null ? "—" : format ? format(r.value) : `${r.value}${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
