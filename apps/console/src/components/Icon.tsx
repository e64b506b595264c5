// Icons drawn inline as SVG: emoji render as empty boxes where no emoji font is installed (a
// server's or a kiosk's browser), so controls and ticks never depend on one. They take the text's
// colour and size; the control around them carries the words for screen readers.

const PATHS = {
  thumbsUp: (
    <path d="M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L13.17 2 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z" />
  ),
  heart: (
    <path d="M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z" />
  ),
  // Two hands pressed together.
  pray: (
    <path d="M11.2 2.6c.3-.5 1.3-.5 1.6 0l.2.4V13h-.1l-.4-1.1V4.5L11 7.4 9.9 11.6l-2.8 4.1c-.3.4-.2 1 .2 1.3l2.9 2.3c.4.3 1 .3 1.4 0l.4-.3.4.3c.4.3 1 .3 1.4 0l2.9-2.3c.4-.3.5-.9.2-1.3l-2.8-4.1L13 7.4l-.2-.6V3l-.2-.4h-1.2zM4.2 17.4l2.6 2.1-1.3 1.6-2.6-2.1 1.3-1.6zm15.6 0l1.3 1.6-2.6 2.1-1.3-1.6 2.6-2.1z" />
  ),
  clock: (
    <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </g>
  ),
  check: (
    <path
      d="M4 12.5l4.5 4.5L20 5.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
  checks: (
    <path
      d="M1.5 12.5L6 17 16.5 6.5M10.5 15.5L12 17 22.5 6.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
  warning: <path d="M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z" />,
  template: (
    <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M6 2h9l5 5v15H6z" />
      <path d="M9 12h8M9 16h8M9 8h4" />
    </g>
  ),
  button: (
    <g fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="3" y="7" width="18" height="10" rx="5" />
      <circle cx="8" cy="12" r="1.5" fill="currentColor" />
    </g>
  ),
  attachment: (
    <path
      d="M16.5 6.5v11a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    />
  ),
  pin: (
    <path d="M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 0 1 0-5 2.5 2.5 0 0 1 0 5z" />
  ),
  send: <path d="M2 21l21-9L2 3v7l15 2-15 2v7z" />,
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, title }: { name: IconName; title?: string }) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 24 24"
      width="1.1em"
      height="1.1em"
      fill="currentColor"
      aria-hidden={title ? undefined : true}
      role={title ? "img" : undefined}
      focusable="false"
    >
      {title && <title>{title}</title>}
      {PATHS[name]}
    </svg>
  );
}
