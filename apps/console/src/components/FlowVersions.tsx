import { useEffect, useState } from "react";
import { api } from "../api";
import type { FlowDetail } from "@openwaba/contracts/suite";

/** Every saved version of a flow (each save is one), which is live, and a way to look at an old one. */
export function FlowVersions({
  flow,
  viewing,
  onView,
}: {
  flow: FlowDetail;
  viewing: number | null;
  onView: (version: number) => void;
}) {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    void api("GET", "/suite/api/users")
      .then((r) => setNames(Object.fromEntries(r.data.map((u: any) => [u.id, u.name]))))
      .catch(() => undefined);
  }, []);
  return (
    <table className="versions">
      <caption>Versions</caption>
      <thead>
        <tr>
          <th>Version</th>
          <th>Saved</th>
          <th>By</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {(flow.versions ?? []).map((v) => (
          <tr key={v.version} aria-current={v.version === (viewing ?? flow.latest_version) ? "true" : undefined}>
            <td>
              v{v.version} {v.version === flow.live_version && <span className="badge live">live</span>}{" "}
              {v.version === flow.latest_version && <span className="badge">latest</span>}
            </td>
            <td>{new Date(v.created_at).toLocaleString()}</td>
            <td>{v.created_by ? (names[v.created_by] ?? "someone") : "an import or the API"}</td>
            <td>
              <button
                type="button"
                onClick={() => onView(v.version)}
                disabled={v.version === (viewing ?? flow.latest_version)}
              >
                {v.version === flow.latest_version ? "Edit" : "View"}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
