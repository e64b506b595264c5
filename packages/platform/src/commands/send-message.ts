import {
  GraphError,
  recipientDigits,
  webhookError,
  type SendRequest,
  type TemplateSendComponent,
} from "@openwaba/contracts";
import { fromJson, toJson, type Db } from "@openwaba/store";
import type { PhoneNumber } from "../directory";
import { wamid } from "../ids";
import { QUEUES, type Platform } from "../platform";
import { isWindowOpen, needsOpenWindow } from "@openwaba/contracts";
import { mediaTypeMismatch, mimeFitsType } from "../media/media-rules";
import { echoWanted, emitEcho, emitMessagesEvent } from "../webhooks/events";
import { renderTemplate } from "../rules/template-parameters";
import type { ParameterFormat } from "../rules/template-variables";
import { sendableTemplate } from "../templates/template-queries";
import { currentConsent } from "../consent/consent-ledger";
import { messagingLimitFailure } from "../limits/messaging-limit";
import { freeEntryWindow } from "../rules/free-entry-point";
import { templateSent } from "../quality/template-quality";

type TemplateSend = { name: string; language: { code: string }; components?: TemplateSendComponent[] };

export interface SendResult {
  wamid: string;
  input: string;
  waId: string;
}

/**
 * POST /{phone-number-id}/messages after validation. Refusals Meta makes at once throw a
 * GraphError; refusals Meta reports later (closed window 131047, unknown media 131053) accept
 * the message and queue its `failed` status in the same transaction.
 */
export async function sendMessage(
  platform: Platform,
  phone: PhoneNumber,
  req: SendRequest,
  o: { senderAppId?: string } = {},
): Promise<SendResult> {
  if (phone.status !== "CONNECTED") throw new GraphError(133010);
  const waId = recipientDigits(req.to);
  if (!waId) throw new GraphError(100, `Param to must be a valid phone number.`);
  if (waId === phone.display_phone_number) throw new GraphError(131021, "Recipient cannot be sender.");
  // A template must be approved and its parameters must fit it; the phone shows it rendered.
  const rules = platform.config.rules === "on";
  let content = req.content;
  let pricingCategory = "service";
  let consentFailure: { code: number } | null = null;
  let templateId: string | null = null;
  let template: { id: string; quality_review_at: number | null } | null = null;
  if (req.type === "template") {
    const send = req.content as TemplateSend;
    const t = await sendableTemplate(platform.db, phone.waba_id, send.name, send.language.code);
    const rendered = renderTemplate(
      { parameter_format: t.parameter_format as ParameterFormat, components: fromJson(t.components, []) },
      send.components,
    );
    content = { ...send, category: t.category, rendered };
    pricingCategory = t.category.toLowerCase();
    templateId = t.id;
    template = t;
    if (t.category === "MARKETING" && rules) consentFailure = await marketingConsent(platform, phone, waId);
  }

  const now = platform.clock.now();
  if (phone.maintenance_until !== null && now < phone.maintenance_until) throw new GraphError(131057);
  if (rules) await platform.limits.admitSend(phone.id, waId, now, phone.throughput_level);
  const id = wamid(waId);
  const window = await platform.db
    .selectFrom("customer_windows")
    .select(["last_inbound_at", "entry_point_at", "free_entry_until"])
    .where("phone_number_id", "=", phone.id)
    .where("wa_id", "=", waId)
    .executeTakeFirst();
  const windowOpen = isWindowOpen(window?.last_inbound_at, now);
  const freeEntry = window
    ? freeEntryWindow({ entryPointAt: window.entry_point_at, freeEntryUntil: window.free_entry_until }, now)
    : null;
  const refused =
    consentFailure ??
    (rules && needsOpenWindow(req.type) && !windowOpen
      ? { code: 131047 }
      : await missingMedia(platform, phone, mediaOf(req.type, content), now));
  const echo = await echoWanted(platform, phone.waba_id, o.senderAppId);
  const failure = await platform.commits.run(async (tx) => {
    // The messaging limit is counted inside the transaction that stores the message.
    const failure =
      refused ??
      (rules && req.type === "template" && !windowOpen
        ? await messagingLimitFailure(platform, tx, phone, waId, now)
        : null);
    // The business's answer to an ad or page click opens the free window.
    if (freeEntry?.opens && !failure) {
      await tx
        .updateTable("customer_windows")
        .set({ free_entry_until: freeEntry.until })
        .where("phone_number_id", "=", phone.id)
        .where("wa_id", "=", waId)
        .execute();
    }
    if (template && !failure) await templateSent(platform, tx, template, now);
    // Before the message's statuses (a refusal's failed status is queued with it), which follow it in order.
    if (echo)
      await emitEcho(
        platform,
        tx,
        phone,
        waId,
        { id, type: req.type, content: req.content, sentAt: now },
        o.senderAppId!,
      );
    await queueOutbound(platform, tx, phone, {
      freeEntryUntil: failure ? null : (freeEntry?.until ?? null),
      id,
      waId,
      type: req.type,
      content,
      now,
      pricingCategory,
      failure,
      templateId,
      windowOpenedAt: windowOpen ? window!.last_inbound_at : null,
      contextId: req.contextMessageId,
      bizOpaque: req.bizOpaqueCallbackData,
    });
    return failure;
  });
  platform.wake(failure ? QUEUES.webhook : QUEUES.network);
  platform.metrics.sendsAccepted.inc({ type: req.type });
  return { wamid: id, input: req.to, waId };
}

/**
 * Marketing templates and consent: a user who wrote STOP gets none (Meta's 131050, reported on the
 * status webhook); with OPENWABA_MARKETING_CONSENT=required (the default) one without a recorded
 * grant is refused at once with OpenWABA's 139900. Meta checks neither; the switch turns ours off.
 */
async function marketingConsent(
  platform: Platform,
  phone: PhoneNumber,
  waId: string,
): Promise<{ code: number } | null> {
  const c = await currentConsent(platform.db, phone.waba_id, waId, "marketing");
  if (c?.status === "revoked" && c.source === "keyword") return { code: 131050 };
  if (platform.config.marketingConsent === "required" && c?.status !== "granted") {
    throw new GraphError(
      139900,
      `No marketing consent is recorded for ${waId}; record it with POST /openwaba/consents, or set OPENWABA_MARKETING_CONSENT=off.`,
    );
  }
  return null;
}

/** The media a message carries by id or link: its own, or a template's media header. */
export function mediaOf(
  type: string,
  content: unknown,
): { type: string; id?: string; link?: string; holder: { id?: string; link?: string } } | null {
  const c = content as
    | { id?: string; link?: string; rendered?: { header?: { format: string; media?: { id?: string; link?: string } } } }
    | undefined;
  if (["image", "video", "audio", "document", "sticker"].includes(type) && c)
    return { type, id: c.id, link: c.link, holder: c };
  const media = type === "template" ? c?.rendered?.header?.media : undefined;
  return media
    ? { type: c!.rendered!.header!.format.toLowerCase(), id: media.id, link: media.link, holder: media }
    : null;
}

/**
 * A media id that is not in this WABA's store, has expired, or holds a type the message cannot
 * carry (a PDF as an image): Meta reports it later as 131053.
 */
async function missingMedia(platform: Platform, phone: PhoneNumber, media: ReturnType<typeof mediaOf>, now: number) {
  if (!media?.id) return null;
  const m = await platform.db
    .selectFrom("media")
    .select(["id", "expires_at", "mime_type"])
    .where("id", "=", media.id)
    .where("waba_id", "=", phone.waba_id)
    .executeTakeFirst();
  if (!m || m.expires_at <= now) return { code: 131053, details: `Media id ${media.id} was not found or has expired.` };
  return mimeFitsType(media.type, m.mime_type)
    ? null
    : { code: 131053, details: mediaTypeMismatch(media.type, m.mime_type) };
}

/**
 * Stores an accepted outbound message with its next step in the caller's transaction: the
 * network hand-off, or — for a refusal Meta reports later — its failed status.
 */
export async function queueOutbound(
  platform: Platform,
  tx: Db,
  phone: PhoneNumber,
  o: {
    id: string;
    waId: string;
    type: string;
    content: unknown;
    now: number;
    pricingCategory: string;
    windowOpenedAt: number | null;
    templateId?: string | null;
    failure?: { code: number; details?: string } | null;
    contextId?: string;
    bizOpaque?: string;
    freeEntryUntil?: number | null;
  },
): Promise<void> {
  await tx
    .insertInto("messages")
    .values({
      id: o.id,
      phone_number_id: phone.id,
      wa_id: o.waId,
      direction: "out",
      type: o.type,
      content: toJson(o.content),
      pricing_category: o.pricingCategory,
      status: o.failure ? "failed" : "accepted",
      error_code: o.failure?.code ?? null,
      context_id: o.contextId ?? null,
      biz_opaque_callback_data: o.bizOpaque ?? null,
      created_at: o.now,
      updated_at: o.now,
      window_opened_at: o.windowOpenedAt,
      template_id: o.templateId ?? null,
      free_entry_until: o.freeEntryUntil ?? null,
    })
    .execute();
  if (o.failure) await emitFailed(platform, tx, phone, o.id, o.waId, o.now, o.failure, o.bizOpaque);
  else await platform.jobs.enqueue(tx, "network.message", { id: o.id }, { key: `${phone.id}|${o.waId}`, runAt: o.now });
}

/** A failed status for a message that never left (window closed, media missing). */
export async function emitFailed(
  platform: Platform,
  tx: Db,
  phone: PhoneNumber,
  id: string,
  waId: string,
  now: number,
  failure: { code: number; details?: string },
  bizOpaque?: string | null,
): Promise<void> {
  const status: Record<string, unknown> = {
    id,
    status: "failed",
    timestamp: String(Math.floor(now / 1000)),
    recipient_id: waId,
    errors: [webhookError(failure.code, failure.details)],
  };
  if (bizOpaque) status.biz_opaque_callback_data = bizOpaque;
  await emitMessagesEvent(platform, tx, phone, waId, { statuses: [status] });
}
