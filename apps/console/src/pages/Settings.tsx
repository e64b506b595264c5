import { useEffect, useState, type FormEvent } from "react";
import type {
  BusinessHours as BusinessHoursSettings,
  BusinessProfile as BusinessProfileAnswer,
  CannedResponse,
  ListedPhoneNumber,
  NumberList,
  Team,
  TenantSettings,
  User,
} from "@openwaba/contracts/suite";
import { ApiError, api } from "../api";
import type { Session } from "../App";
import { ApiKeys } from "../components/ApiKeys";
import { AutoMessages } from "../components/AutoMessages";
import { ruleWords } from "../routing/rule-words";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** Settings: people and teams, routing rules, business hours, canned responses, automatic messages, API keys. */
export function Settings({ session }: { session: Session }) {
  const admin = session.user.role === "admin";
  const [users, setUsers] = useState<User[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [rules, setRules] = useState<any[]>([]);
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const [hours, setHours] = useState<BusinessHoursSettings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = () => {
    void api("GET", "/suite/api/users").then((r) => setUsers(r.data));
    void api("GET", "/suite/api/teams").then((r) => setTeams(r.data));
    void api("GET", "/suite/api/routing-rules").then((r) => setRules(r.rules));
    void api("GET", "/suite/api/canned-responses").then((r) => setCanned(r.data));
    void api<TenantSettings>("GET", "/suite/api/settings").then((r) => setHours(r.business_hours ?? null));
  };
  useEffect(load, []);
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setNotice(null);
    try {
      await f();
      setNotice(ok);
      load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };

  const [invite, setInvite] = useState({ email: "", name: "", role: "agent" });
  const [link, setLink] = useState<string | null>(null);
  // accept_url is a path from the server's root ("/#/invitation/…"): resolved, never glued to the origin.
  const sendInvite = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api("POST", "/suite/api/users", invite);
      setLink(new URL(r.invitation.accept_url, location.origin).href);
    }, "Invitation made: send the link to the person.");
  };
  const [teamName, setTeamName] = useState("");
  const [rule, setRule] = useState({ name: "", team_id: "", keywords: "", languages: "", business_hours: "" });
  const addRule = (e: FormEvent) => {
    e.preventDefault();
    const conditions: any = {};
    if (rule.keywords) conditions.keywords = list(rule.keywords);
    if (rule.languages) conditions.languages = list(rule.languages);
    if (rule.business_hours) conditions.business_hours = rule.business_hours;
    void run(
      () =>
        api("PUT", "/suite/api/routing-rules", {
          rules: [
            ...rules.map(({ name, team_id, conditions }) => ({ name, team_id, conditions })),
            { name: rule.name, team_id: rule.team_id, conditions },
          ],
        }),
      "Rule added.",
    );
  };
  const [cannedForm, setCannedForm] = useState({ shortcut: "", title: "", body: "" });

  return (
    <div className="page settings">
      <h1>Settings</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <section aria-labelledby="people">
        <h2 id="people">People</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Availability</th>
              <th>Capacity</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u: any) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  {admin && u.id !== session.user.id ? (
                    <select
                      aria-label={`Role of ${u.name}`}
                      value={u.role}
                      onChange={(e) =>
                        void run(
                          () => api("PATCH", `/suite/api/users/${u.id}`, { role: e.target.value }),
                          "Role changed.",
                        )
                      }
                    >
                      <option>admin</option>
                      <option>supervisor</option>
                      <option>agent</option>
                    </select>
                  ) : (
                    u.role
                  )}
                </td>
                <td>{u.status}</td>
                <td>{u.availability}</td>
                <td>{u.capacity}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {admin && (
          <form className="inline" onSubmit={sendInvite} aria-label="Invite someone">
            <input
              aria-label="Email"
              type="email"
              required
              placeholder="email"
              value={invite.email}
              onChange={(e) => setInvite({ ...invite, email: e.target.value })}
            />
            <input
              aria-label="Name"
              required
              placeholder="name"
              value={invite.name}
              onChange={(e) => setInvite({ ...invite, name: e.target.value })}
            />
            <select
              aria-label="Role"
              value={invite.role}
              onChange={(e) => setInvite({ ...invite, role: e.target.value })}
            >
              <option>agent</option>
              <option>supervisor</option>
              <option>admin</option>
            </select>
            <button type="submit">Invite</button>
          </form>
        )}
        {link && (
          <p>
            Invitation link: <code>{link}</code>
          </p>
        )}
      </section>
      <section aria-labelledby="teams">
        <h2 id="teams">Teams</h2>
        {teams.map((t) => (
          <fieldset key={t.id}>
            <legend>
              {t.name} · {t.assignment.replace("_", " ")}
            </legend>
            {users.map((u) => (
              <label key={u.id} className="check">
                <input
                  type="checkbox"
                  disabled={!admin}
                  checked={t.member_ids.includes(u.id)}
                  onChange={(e) =>
                    void run(
                      () =>
                        api("PUT", `/suite/api/teams/${t.id}/members`, {
                          user_ids: e.target.checked
                            ? [...t.member_ids, u.id]
                            : t.member_ids.filter((x: string) => x !== u.id),
                        }),
                      "Team updated.",
                    )
                  }
                />
                {u.name}
              </label>
            ))}
            {admin && (
              <select
                aria-label={`Assignment of ${t.name}`}
                value={t.assignment}
                onChange={(e) =>
                  void run(
                    () => api("PATCH", `/suite/api/teams/${t.id}`, { assignment: e.target.value }),
                    "Assignment changed.",
                  )
                }
              >
                <option value="round_robin">round robin</option>
                <option value="least_open">least open</option>
                <option value="manual">manual</option>
              </select>
            )}
          </fieldset>
        ))}
        {admin && (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api("POST", "/suite/api/teams", { name: teamName }), "Team made.");
            }}
          >
            <input
              aria-label="New team"
              placeholder="team name"
              value={teamName}
              onChange={(e) => setTeamName(e.target.value)}
              required
            />
            <button type="submit">Add team</button>
          </form>
        )}
      </section>
      <section aria-labelledby="routing">
        <h2 id="routing">Routing rules (first match wins)</h2>
        <ol>
          {rules.map((r, i) => (
            <li key={i}>
              {r.name} → {teams.find((t) => t.id === r.team_id)?.name ?? "?"}{" "}
              <span className="muted">{ruleWords(r.conditions)}</span>
              {admin && (
                <button
                  onClick={() =>
                    void run(
                      () =>
                        api("PUT", "/suite/api/routing-rules", {
                          rules: rules
                            .filter((_, j) => j !== i)
                            .map(({ name, team_id, conditions }) => ({ name, team_id, conditions })),
                        }),
                      "Rule removed.",
                    )
                  }
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ol>
        {admin && (
          <form className="inline" onSubmit={addRule} aria-label="Add a routing rule">
            <input
              aria-label="Rule name"
              placeholder="name"
              required
              value={rule.name}
              onChange={(e) => setRule({ ...rule, name: e.target.value })}
            />
            <select
              aria-label="To team"
              required
              value={rule.team_id}
              onChange={(e) => setRule({ ...rule, team_id: e.target.value })}
            >
              <option value="">team…</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <input
              aria-label="Keywords"
              placeholder="keywords, comma separated"
              value={rule.keywords}
              onChange={(e) => setRule({ ...rule, keywords: e.target.value })}
            />
            <input
              aria-label="Languages"
              placeholder="languages: pl, ru"
              value={rule.languages}
              onChange={(e) => setRule({ ...rule, languages: e.target.value })}
            />
            <select
              aria-label="Business hours"
              value={rule.business_hours}
              onChange={(e) => setRule({ ...rule, business_hours: e.target.value })}
            >
              <option value="">any time</option>
              <option value="inside">inside hours</option>
              <option value="outside">outside hours</option>
            </select>
            <button type="submit">Add rule</button>
          </form>
        )}
      </section>
      <section aria-labelledby="hours">
        <h2 id="hours">Business hours</h2>
        <BusinessHours
          value={hours}
          disabled={!admin}
          onSave={(h) =>
            void run(
              () => api("PUT", "/suite/api/settings/business-hours", { business_hours: h }),
              "Business hours saved.",
            )
          }
        />
      </section>
      <section aria-labelledby="profile">
        <h2 id="profile">Business profile</h2>
        <BusinessProfile disabled={!admin} onSaved={(m) => setNotice(m)} />
      </section>
      <section aria-labelledby="canned">
        <h2 id="canned">Canned responses</h2>
        <ul>
          {canned.map((c) => (
            <li key={c.id}>
              <code>/{c.shortcut}</code> {c.title}: {c.body}{" "}
              <button onClick={() => void run(() => api("DELETE", `/suite/api/canned-responses/${c.id}`), "Deleted.")}>
                Delete
              </button>
            </li>
          ))}
        </ul>
        <form
          className="inline"
          aria-label="New canned response"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api("POST", "/suite/api/canned-responses", cannedForm), "Canned response saved.");
          }}
        >
          <input
            aria-label="Shortcut"
            placeholder="shortcut"
            required
            value={cannedForm.shortcut}
            onChange={(e) => setCannedForm({ ...cannedForm, shortcut: e.target.value })}
          />
          <input
            aria-label="Title"
            placeholder="title"
            required
            value={cannedForm.title}
            onChange={(e) => setCannedForm({ ...cannedForm, title: e.target.value })}
          />
          <input
            aria-label="Text"
            placeholder="Hi {{customer_name}}, …"
            required
            value={cannedForm.body}
            onChange={(e) => setCannedForm({ ...cannedForm, body: e.target.value })}
            size={50}
          />
          <button type="submit">Save</button>
        </form>
      </section>
      <section aria-labelledby="auto-messages">
        <h2 id="auto-messages">Automatic messages</h2>
        <AutoMessages onSaved={setNotice} />
      </section>
      {admin && (
        <section aria-labelledby="api-keys">
          <h2 id="api-keys">API keys</h2>
          <ApiKeys onNotice={setNotice} />
        </section>
      )}
    </div>
  );
}

function BusinessHours({
  value,
  disabled,
  onSave,
}: {
  value: { timezone: string; days: Record<string, [string, string][]> } | null;
  disabled: boolean;
  onSave: (h: unknown) => void;
}) {
  const [tz, setTz] = useState(value?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [days, setDays] = useState<Record<string, [string, string] | null>>({});
  useEffect(() => {
    setTz(value?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    setDays(Object.fromEntries(DAYS.map((d) => [d, value?.days?.[d]?.[0] ?? null])));
  }, [value]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      timezone: tz,
      days: Object.fromEntries(
        Object.entries(days)
          .filter(([, v]) => v)
          .map(([d, v]) => [d, [v]]),
      ),
    });
  };
  return (
    <form onSubmit={save} aria-label="Business hours">
      <label>
        Time zone <input value={tz} onChange={(e) => setTz(e.target.value)} disabled={disabled} />
      </label>
      {DAYS.map((d) => (
        <div key={d} className="inline">
          <label className="check">
            <input
              type="checkbox"
              disabled={disabled}
              checked={!!days[d]}
              onChange={(e) => setDays({ ...days, [d]: e.target.checked ? ["09:00", "17:00"] : null })}
            />
            {d}
          </label>
          {days[d] && (
            <>
              <input
                aria-label={`${d} opens`}
                type="time"
                value={days[d]![0]}
                disabled={disabled}
                onChange={(e) => setDays({ ...days, [d]: [e.target.value, days[d]![1]] })}
              />
              –
              <input
                aria-label={`${d} closes`}
                type="time"
                value={days[d]![1]}
                disabled={disabled}
                onChange={(e) => setDays({ ...days, [d]: [days[d]![0], e.target.value] })}
              />
            </>
          )}
        </div>
      ))}
      {!disabled && <button type="submit">Save hours</button>}
    </form>
  );
}

function BusinessProfile({ disabled, onSaved }: { disabled: boolean; onSaved: (m: string) => void }) {
  const [numbers, setNumbers] = useState<ListedPhoneNumber[]>([]);
  const [id, setId] = useState("");
  const [p, setP] = useState<BusinessProfileAnswer>({});
  useEffect(() => {
    void api<NumberList>("GET", "/suite/api/numbers").then((r) => {
      setNumbers(r.data);
      if (r.data[0]) setId(r.data[0].id);
    });
  }, []);
  useEffect(() => {
    if (id) void api("GET", `/suite/api/numbers/${id}/profile`).then(setP);
  }, [id]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setP(
        await api("POST", `/suite/api/numbers/${id}/profile`, {
          about: p.about,
          description: p.description,
          email: p.email,
          address: p.address,
        }),
      );
      onSaved("Business profile saved.");
    } catch (err) {
      onSaved(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={save} aria-label="Business profile" className="grid-form">
      <select aria-label="Number" value={id} onChange={(e) => setId(e.target.value)}>
        {numbers.map((n) => (
          <option key={n.id} value={n.id}>
            {n.display_phone_number} · {n.verified_name}
          </option>
        ))}
      </select>
      {(["about", "description", "email", "address"] as const).map((k) => (
        <label key={k}>
          {k}
          <input value={p[k] ?? ""} disabled={disabled} onChange={(e) => setP({ ...p, [k]: e.target.value })} />
        </label>
      ))}
      {!disabled && <button type="submit">Save profile</button>}
    </form>
  );
}
