import { countryOf } from "@openwaba/contracts";
import type { FastifyInstance } from "fastify";
import { requireUser } from "../auth/sessions";
import { presentConsent } from "../contacts/consent";
import { languageOf } from "../routing/language";
import type { Suite } from "../suite";
import { visibleConversation } from "./visible-conversation";
import { contactConversations } from "../contacts/contact-conversations";
import { iso } from "./present";

/** The customer profile panel: who they are, their consent (the contact's, as everywhere), and their past conversations. */
export function registerProfileRoute(app: FastifyInstance, suite: Suite): void {
  app.get<{ Params: { id: string } }>("/suite/api/conversations/:id/profile", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const contact = await suite.db
      .selectFrom("suite_contacts")
      .select(["id", "marketing_consent", "consent_source", "consent_at"])
      .where("tenant_id", "=", c.tenant_id)
      .where("wa_id", "=", c.wa_id)
      .executeTakeFirst();
    // Only the conversations this viewer may see (an agent: their teams', the shared queue's, their own).
    const others = await contactConversations(suite.db, user, c.wa_id);
    const visible = new Set(others.map((o) => o.id));
    const cycles = await suite.db
      .selectFrom("suite_cycles")
      .innerJoin("suite_conversations", "suite_conversations.id", "suite_cycles.conversation_id")
      .select([
        "suite_cycles.conversation_id",
        "suite_cycles.opened_at",
        "suite_cycles.resolved_at",
        "suite_cycles.agent_id",
        "suite_cycles.csat",
      ])
      .where("suite_conversations.tenant_id", "=", c.tenant_id)
      .where("suite_conversations.wa_id", "=", c.wa_id)
      .orderBy("suite_cycles.resolved_at", "desc")
      .limit(50)
      .execute();
    return reply.send({
      name: c.contact_name,
      wa_id: c.wa_id,
      country: countryOf(c.wa_id).country,
      language: languageOf(c.wa_id),
      contact_id: contact?.id ?? null,
      consent: contact ? presentConsent(contact) : null,
      conversations: others.map(({ id, phone_number_id, state, last_message_at }) => ({
        id,
        phone_number_id,
        state,
        last_message_at,
      })),
      past_cycles: cycles
        .filter((x) => visible.has(x.conversation_id))
        .map((x) => ({ ...x, opened_at: iso(x.opened_at), resolved_at: iso(x.resolved_at) })),
    });
  });
}
