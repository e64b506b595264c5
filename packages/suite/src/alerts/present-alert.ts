/** An alert as the API and the consoles' streams show it. */
export const presentAlert = (r: {
  id: string;
  kind: string;
  severity: string;
  title: string;
  data: string;
  at: number;
  read_at: number | null;
}) => ({
  id: r.id,
  kind: r.kind,
  severity: r.severity,
  title: r.title,
  data: JSON.parse(r.data),
  at: new Date(r.at).toISOString(),
  read: r.read_at !== null,
});
