import type { UserRole } from "@openwaba/store";
import { SuiteError, forbidden } from "../errors";

// Who may do what in a tenant's suite, decided here and nowhere else. A handler names the action
// (`requireUser(suite, req, "flows.manage")`); conversations add rules on the row itself (who
// sees it, who may work on it). Every signed-in person of the tenant may do what has no action.

interface Policy {
  /** The roles allowed. */
  roles: readonly UserRole[];
  /** Only a person signed in to the console, never an API key (keys must not make keys or people). */
  sessionOnly?: boolean;
}

const ADMINS: Policy = { roles: ["admin"] };
const LEADS: Policy = { roles: ["admin", "supervisor"] };

export const POLICIES = {
  "people.list": LEADS,
  "people.manage": ADMINS,
  "teams.manage": ADMINS,
  "api-keys.manage": { roles: ["admin"], sessionOnly: true },
  "alerts.manage": LEADS,
  "campaigns.manage": LEADS,
  /** Export, import and delete contacts (every agent may look a contact up and edit it). */
  "contacts.manage": LEADS,
  "entry-points.manage": LEADS,
  "faq.manage": LEADS,
  "faq-bot.configure": ADMINS,
  "flows.manage": LEADS,
  /** A flow run's variables (what the bot learnt) beside its steps. */
  "flow-runs.inspect": LEADS,
  "canned-responses.manage": LEADS,
  /** The Cloud API administration: numbers' profiles, registration. */
  "whatsapp.manage": ADMINS,
  /** The business webhook: its address and the secret it signs with. */
  "business-webhook.configure": ADMINS,
  "reports.read": LEADS,
  "routing-rules.read": LEADS,
  "routing-rules.manage": ADMINS,
  "business-hours.configure": ADMINS,
  "templates.manage": LEADS,
  "webhooks.inspect": ADMINS,
  "widget.manage": LEADS,
  /** Every conversation of the tenant, whoever holds it and whatever the team. */
  "conversations.see-all": LEADS,
  /** Work on (answer, resolve, edit, transfer) a conversation assigned to someone else. */
  "conversations.take-over": LEADS,
} satisfies Record<string, Policy>;

export type Action = keyof typeof POLICIES;

/** A person as the rules see them (a role name as stored). */
type Person = { id: string; role: string };

export const may = (user: { role: string }, action: Action): boolean =>
  (POLICIES[action].roles as readonly string[]).includes(user.role);

/** Whether the action may be done with an API key at all (some need a person at the console). */
export const needsSession = (action: Action): boolean => "sessionOnly" in POLICIES[action];

/** Refuses (403) a person whose role may not do `action`. */
export function authorize(user: { role: string }, action: Action): void {
  if (!may(user, action)) throw forbidden();
}

/** A person, with the teams they belong to, as the conversation rules see them. */
export interface Viewer extends Person {
  teamIds: string[];
}

/**
 * Who sees a conversation: leads see the whole tenant; an agent sees those assigned to them, those
 * in the queues of teams they belong to, and those in no team's queue.
 */
export function canSeeConversation(v: Viewer, c: { team_id: string | null; assignee_id?: string | null }): boolean {
  if (may(v, "conversations.see-all")) return true;
  if (c.assignee_id === v.id) return true;
  return c.team_id === null || v.teamIds.includes(c.team_id);
}

/** An agent answers, resolves, edits and transfers only what is theirs or still unassigned; leads anything. */
export function authorizeWorkOn(user: Person, c: { assignee_id: string | null }): void {
  if (c.assignee_id && c.assignee_id !== user.id && !may(user, "conversations.take-over"))
    throw forbidden("This conversation is assigned to someone else; ask for a transfer.");
}

/** Transfers: leads move anything; an agent hands on only what is assigned to them. */
export function authorizeTransfer(user: Person, c: { assignee_id: string | null }): void {
  if (c.assignee_id !== user.id && !may(user, "conversations.take-over"))
    throw forbidden("Agents may transfer only conversations assigned to them.");
}

/**
 * An admin changing a person: never themselves out of the admins or out of the suite (a tenant
 * must keep someone who can manage it). 409, as the state of the tenant forbids it, not the role.
 */
export function authorizePersonChange(
  actor: { id: string },
  target: { id: string },
  change: { role?: string; status?: string },
): void {
  const leaves = (change.role !== undefined && change.role !== "admin") || change.status === "disabled";
  if (target.id === actor.id && leaves)
    throw new SuiteError(409, "last_admin", "You cannot demote or disable yourself.");
}
