import { useEffect, useState } from "react";

/** The customer service window, counting down to the second. */
export function Countdown({ closesAt, skewMs }: { closesAt: string | null; skewMs: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(t); }, []);
  const left = closesAt ? Date.parse(closesAt) - (now + skewMs) : 0;
  if (left <= 0) return <span className="window closed" role="status">Window closed: templates only</span>;
  const h = Math.floor(left / 3600_000), m = Math.floor((left % 3600_000) / 60_000), s = Math.floor((left % 60_000) / 1000);
  return <span className="window open" role="timer" aria-label="Customer service window">Window open · {h}h {String(m).padStart(2, "0")}m {String(s).padStart(2, "0")}s left</span>;
}
