import { createHash } from "node:crypto";
import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import { conversationCharge, conversationToJoin, type OpenConversation } from "../rules/conversation-pricing";
import { pricingModelAt, type PricingModelSetting } from "../rules/pricing-model";
import {
  carriesPricing,
  conversationExpiry,
  conversationFor,
  conversationPricing,
  pricingFor,
  type Conversation,
  type Pricing,
} from "../rules/pricing";
import { recordCharge } from "./billing-ledger";
import { priceConversation, priceMessage } from "./rate-card";

/** What a status update needs to know about its message to price it. */
export interface PricedMessage {
  id: string;
  phone_number_id: string;
  wa_id: string;
  created_at: number;
  pricing_category: string | null;
  window_opened_at: number | null;
  free_entry_until: number | null;
  conversation_id: string | null;
}

const chargeable = (status: string) => status === "delivered" || status === "read";

/**
 * The `pricing` and `conversation` objects of a status webhook under the model in force when the
 * message was sent, and its charge once it reaches the phone (delivered, or read when delivery was
 * skipped). Runs in the status update's transaction.
 */
export async function priceStatus(
  platform: Platform,
  tx: Db,
  m: PricedMessage,
  status: string,
  now: number,
): Promise<{ pricing?: Pricing; conversation?: Conversation }> {
  if (!carriesPricing(status) && !chargeable(status)) return {};
  const phone = await platform.directory.phoneNumber(m.phone_number_id, tx);
  if (!phone) return {};
  const setting = (await platform.directory.wabaPricingModel(phone.waba_id, tx)) ?? platform.config.pricingModel;
  const model = m.conversation_id ? "CBP" : pricingModelAt(setting as PricingModelSetting, m.created_at);
  const out =
    model === "CBP"
      ? await perConversation(platform, tx, m, phone.waba_id, status, now)
      : await perMessage(platform, tx, m, status, now);
  return carriesPricing(status) ? out : {};
}

async function perMessage(platform: Platform, tx: Db, m: PricedMessage, status: string, now: number) {
  const category = m.pricing_category ?? "service";
  const free = m.free_entry_until !== null;
  const pricing = pricingFor(category, m.window_opened_at !== null, free);
  if (chargeable(status) && pricing.billable) {
    await recordCharge(
      platform,
      tx,
      {
        messageId: m.id,
        phoneNumberId: m.phone_number_id,
        waId: m.wa_id,
        category,
        pricingType: pricing.type!,
        pricingModel: "PMP",
        price: priceMessage(platform.rateCard, m.wa_id, category),
      },
      now,
    );
  }
  if (!carriesPricing(status)) return {}; // a read only charges (when delivery was skipped); it shows no pricing
  // ≤v23 numbers a conversation per window: the free window's, else the service window's.
  const openedAt = m.window_opened_at ?? m.created_at;
  const id = md5(`${m.phone_number_id}|${m.wa_id}|${free ? m.free_entry_until : openedAt}|${pricing.category}`);
  return {
    pricing,
    conversation: conversationFor(
      pricing,
      free ? m.free_entry_until! : conversationExpiry(openedAt, null),
      id,
      status === "sent",
    ),
  };
}

async function perConversation(
  platform: Platform,
  tx: Db,
  m: PricedMessage,
  wabaId: string,
  status: string,
  now: number,
) {
  // A read of a message already priced shows nothing and charges nothing more.
  if (!carriesPricing(status) && m.conversation_id) {
    const c = await tx
      .selectFrom("conversations")
      .select(["billable", "charged_at"])
      .where("id", "=", m.conversation_id)
      .executeTakeFirst();
    if (!c || c.billable !== 1 || c.charged_at !== null) return {};
  }
  const conv = await conversationOf(tx, m, wabaId);
  const pricing = conversationPricing(conv.category, conv.billable === 1);
  if (chargeable(status) && conv.billable === 1 && conv.charged_at === null) {
    await tx.updateTable("conversations").set({ charged_at: now }).where("id", "=", conv.id).execute();
    await recordCharge(
      platform,
      tx,
      {
        messageId: m.id,
        phoneNumberId: m.phone_number_id,
        waId: m.wa_id,
        category: conv.category,
        pricingType: "regular",
        pricingModel: "CBP",
        conversationId: conv.id,
        price: priceConversation(platform.rateCard, m.wa_id, conv.category),
      },
      now,
    );
  }
  return { pricing, conversation: conversationFor(pricing, conv.expires_at, conv.id, status === "sent") };
}

/** The conversation a message fell in, chosen (and opened if need be) at its first priced status. */
async function conversationOf(tx: Db, m: PricedMessage, wabaId: string) {
  if (m.conversation_id) {
    const c = await tx.selectFrom("conversations").selectAll().where("id", "=", m.conversation_id).executeTakeFirst();
    if (c) return c;
  }
  const at = m.created_at;
  const open = await tx
    .selectFrom("conversations")
    .selectAll()
    .where("phone_number_id", "=", m.phone_number_id)
    .where("wa_id", "=", m.wa_id)
    .where("expires_at", ">", at)
    .execute();
  const choice = conversationToJoin(
    m.pricing_category ?? "service",
    open.map((c): OpenConversation => ({ id: c.id, category: c.category, expiresAt: c.expires_at })),
    m.free_entry_until,
    at,
  );
  let conv = "join" in choice ? open.find((c) => c.id === choice.join.id)! : null;
  if (!conv) {
    const { category, expiresAt } = (choice as { open: { category: string; expiresAt: number } }).open;
    const charge = conversationCharge(
      category,
      at,
      category === "service" ? await serviceConversationsThisMonth(tx, wabaId, at) : 0,
    );
    conv = {
      id: md5(`${m.phone_number_id}|${m.wa_id}|${category}|${at}`),
      phone_number_id: m.phone_number_id,
      wa_id: m.wa_id,
      category,
      opened_at: at,
      expires_at: expiresAt,
      billable: charge.billable ? 1 : 0,
      charged_at: null,
    };
    await tx
      .insertInto("conversations")
      .values(conv)
      .onConflict((c) => c.column("id").doNothing())
      .execute();
  }
  await tx.updateTable("messages").set({ conversation_id: conv.id }).where("id", "=", m.id).execute();
  return conv;
}

/** Service conversations the WABA opened this calendar month (UTC): the free tier's count. */
async function serviceConversationsThisMonth(tx: Db, wabaId: string, at: number): Promise<number> {
  const d = new Date(at);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const r = await tx
    .selectFrom("conversations")
    .innerJoin("phone_numbers", "phone_numbers.id", "conversations.phone_number_id")
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("phone_numbers.waba_id", "=", wabaId)
    .where("conversations.category", "=", "service")
    .where("conversations.opened_at", ">=", monthStart)
    .where("conversations.opened_at", "<=", at)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
