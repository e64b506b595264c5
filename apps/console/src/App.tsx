import { useEffect, useState } from "react";
import type { Me, User } from "@openwaba/contracts/suite";
import { ApiError, api, setCsrf, whenSignedOut } from "./api";
import { closeStream, openStream } from "./stream";
import { go, useRoute } from "./route";
import { Login } from "./pages/Login";
import { Inbox } from "./pages/Inbox";
import { Phone } from "./pages/Phone";
import { AcceptInvitation } from "./pages/AcceptInvitation";
import { Reports } from "./pages/Reports";
import { Numbers } from "./pages/Numbers";
import { Templates } from "./pages/Templates";
import { Settings } from "./pages/Settings";
import { Webhooks } from "./pages/Webhooks";
import { Contacts } from "./pages/Contacts";
import { ContactProfile } from "./pages/ContactProfile";
import { Faq } from "./pages/Faq";
import { Widget } from "./pages/Widget";
import { Flows } from "./pages/Flows";
import { FlowEditor } from "./pages/FlowEditor";
import { FlowRun } from "./pages/FlowRun";
import { Campaigns } from "./pages/Campaigns";
import { CampaignForm } from "./pages/CampaignForm";
import { CampaignPage } from "./pages/Campaign";

/** Who is signed in and their teams, as GET /suite/api/me answers. */
export type Session = Pick<Me, "user" | "teams">;

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useRoute();

  const load = () =>
    api("GET", "/suite/api/me")
      .then((r) => {
        setCsrf(r.csrf_token);
        setSession({ user: r.user, teams: r.teams });
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setSession(null);
        else throw e;
      });
  useEffect(() => {
    void load();
  }, []);
  // A session that ends while a page is open brings the sign-in back in place: the address (the
  // page asked for, always one of the console's own #/ routes) stays, so signing in returns there.
  useEffect(() => {
    whenSignedOut(() => setSession((s) => (s ? null : s)));
    return () => whenSignedOut(null);
  }, []);
  useEffect(() => {
    if (session) openStream();
    else closeStream();
  }, [session]);

  if (route[0] === "invitation" && route[1] && !session) return <AcceptInvitation token={route[1]} onDone={load} />;
  if (session === undefined)
    return (
      <div className="loading" role="status">
        Loading…
      </div>
    );
  if (session === null) return <Login onSignedIn={load} />;

  const page = route[0] ?? "inbox";
  const lead = session.user.role !== "agent";
  const admin = session.user.role === "admin";
  const signOut = async () => {
    await api("POST", "/suite/api/logout");
    setSession(null);
    go("inbox");
  };
  const setAvailability = async (availability: User["availability"]) => {
    await api("POST", "/suite/api/me/availability", { availability });
    setSession({ ...session, user: { ...session.user, availability } });
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">OpenWABA</span>
        <nav aria-label="Main">
          <a href="#/inbox" aria-current={page === "inbox" ? "page" : undefined}>
            Inbox
          </a>
          <a href="#/contacts" aria-current={page === "contacts" ? "page" : undefined}>
            Contacts
          </a>
          <a href="#/templates" aria-current={page === "templates" ? "page" : undefined}>
            Templates
          </a>
          {lead && (
            <a href="#/flows" aria-current={page === "flows" ? "page" : undefined}>
              Flows
            </a>
          )}
          {lead && (
            <a href="#/campaigns" aria-current={page === "campaigns" ? "page" : undefined}>
              Campaigns
            </a>
          )}
          {lead && (
            <a href="#/faq" aria-current={page === "faq" ? "page" : undefined}>
              FAQ bot
            </a>
          )}
          {lead && (
            <a href="#/widget" aria-current={page === "widget" ? "page" : undefined}>
              Widget
            </a>
          )}
          {lead && (
            <a href="#/numbers" aria-current={page === "numbers" ? "page" : undefined}>
              Numbers
            </a>
          )}
          {lead && (
            <a href="#/reports" aria-current={page === "reports" ? "page" : undefined}>
              Reports
            </a>
          )}
          {admin && (
            <a href="#/webhooks" aria-current={page === "webhooks" ? "page" : undefined}>
              Webhooks
            </a>
          )}
          {lead && (
            <a href="#/settings" aria-current={page === "settings" ? "page" : undefined}>
              Settings
            </a>
          )}
          <a href="#/phone" aria-current={page === "phone" ? "page" : undefined}>
            Phone view
          </a>
        </nav>
        <span className="spacer" />
        <label className="availability">
          <span>{session.user.name}</span>
          <select
            aria-label="Availability"
            value={session.user.availability}
            onChange={(e) => void setAvailability(e.target.value as User["availability"])}
          >
            <option value="online">Online</option>
            <option value="away">Away</option>
            <option value="offline">Offline</option>
          </select>
        </label>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main>
        {page === "phone" ? (
          <Phone />
        ) : page === "templates" ? (
          <Templates />
        ) : page === "contacts" && !route[1] ? (
          <Contacts />
        ) : page === "flows" && lead && route[1] ? (
          <FlowEditor
            key={route[1]}
            id={route[1]}
            tab={route[2] === "runs" ? "runs" : "document"}
            runId={route[3] ?? null}
          />
        ) : page === "flows" && lead ? (
          <Flows />
        ) : page === "campaigns" && lead && route[1] === "new" ? (
          <CampaignForm key="new" id={null} />
        ) : page === "campaigns" && lead && route[1] && route[2] === "edit" ? (
          <CampaignForm key={route[1]} id={route[1]} />
        ) : page === "campaigns" && lead && route[1] ? (
          <CampaignPage key={route[1]} id={route[1]} />
        ) : page === "campaigns" && lead ? (
          <Campaigns />
        ) : page === "flow-runs" && route[1] ? (
          <FlowRun key={route[1]} id={route[1]} lead={lead} />
        ) : page === "faq" && lead ? (
          <Faq admin={admin} />
        ) : page === "widget" && lead ? (
          <Widget />
        ) : page === "webhooks" && admin ? (
          <Webhooks />
        ) : page === "numbers" && lead ? (
          <Numbers />
        ) : page === "reports" && lead ? (
          <Reports />
        ) : page === "settings" && lead ? (
          <Settings session={session} />
        ) : page === "contacts" && route[1] ? (
          <ContactProfile key={route[1]} id={route[1]} lead={lead} />
        ) : (
          <Inbox
            session={session}
            selectedId={route[1] === "new" ? null : (route[1] ?? null)}
            compose={route[1] === "new" ? { to: route[2] ?? "" } : null}
          />
        )}
      </main>
    </div>
  );
}
