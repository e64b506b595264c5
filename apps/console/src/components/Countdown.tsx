import { useEffect, useRef, useState } from "react";

/**
 * The customer service window, counting down to the second against the server's clock (`skewMs`:
 * how far it is ahead of this browser's, travelled or not). `onClosed` is told once when the window
 * runs out on screen, so that the thread can switch to templates only.
 */
export function Countdown({
  closesAt,
  skewMs,
  onClosed,
}: {
  closesAt: string | null;
  skewMs: number;
  onClosed?: () => void;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = closesAt ? Date.parse(closesAt) - (now + skewMs) : 0;
  const wasOpen = useRef(left > 0);
  useEffect(() => {
    // Counted out here (not told closed by the server, whose word needs no second reading).
    if (wasOpen.current && left <= 0 && closesAt) onClosed?.();
    wasOpen.current = left > 0;
  }, [left > 0]);
  if (left <= 0)
    return (
      <span className="window closed" role="status">
        Window closed: templates only
      </span>
    );
  const h = Math.floor(left / 3600_000),
    m = Math.floor((left % 3600_000) / 60_000),
    s = Math.floor((left % 60_000) / 1000);
  return (
    <span className="window open" role="timer" aria-label="Customer service window">
      Window open · {h}h {String(m).padStart(2, "0")}m {String(s).padStart(2, "0")}s left
    </span>
  );
}
