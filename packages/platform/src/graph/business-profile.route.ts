import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { GraphError, parseParams } from "@openwaba/contracts";
import { fromJson, toJson } from "@openwaba/store";
import type { Platform } from "../platform";
import { authenticate, ownPhoneNumber, type GraphParams } from "./graph-request";
import { requestedFields } from "./phone-number-fields";

// whatsapp_business_profile (cloud-api-reference.md §9, §10b): POST merges, "" clears a field.
const VERTICALS = [
  "UNDEFINED",
  "OTHER",
  "AUTO",
  "BEAUTY",
  "APPAREL",
  "EDU",
  "ENTERTAIN",
  "EVENT_PLAN",
  "FINANCE",
  "GROCERY",
  "GOVT",
  "HOTEL",
  "HEALTH",
  "NONPROFIT",
  "PROF_SERVICES",
  "RETAIL",
  "TRAVEL",
  "RESTAURANT",
  "NOT_A_BIZ",
] as const;

const update = z.strictObject({
  messaging_product: z.literal("whatsapp"),
  about: z.string().max(139).optional(),
  address: z.string().max(256).optional(),
  description: z.string().max(512).optional(),
  email: z.union([z.literal(""), z.email().max(128)]).optional(),
  websites: z
    .array(z.union([z.literal(""), z.url({ protocol: /^https?$/ }).max(256)]))
    .max(2)
    .optional(),
  vertical: z.union([z.literal(""), z.enum(VERTICALS)]).optional(),
  profile_picture_handle: z.string().max(512).optional(),
});

const PROFILE_FIELDS = {
  about: 1,
  address: 1,
  description: 1,
  email: 1,
  profile_picture_url: 1,
  websites: 1,
  vertical: 1,
  messaging_product: 1,
};

export function registerBusinessProfileRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: GraphParams; Querystring: { fields?: string } }>(
    "/:version/:id/whatsapp_business_profile",
    async (req, reply) => {
      const phone = await ownPhoneNumber(platform, await authenticate(platform, req), req.params.id, "GET");
      const profile = fromJson<Record<string, unknown>>(phone.profile, {});
      const fields = requestedFields(
        req.query.fields,
        Object.keys(PROFILE_FIELDS),
        PROFILE_FIELDS,
        "WhatsAppBusinessProfile",
      ).filter((f) => f !== "id");
      const out: Record<string, unknown> = {};
      for (const f of fields) if (profile[f] !== undefined) out[f] = profile[f];
      return reply.send({ data: [{ ...out, messaging_product: "whatsapp" }] });
    },
  );

  app.post<{ Params: GraphParams }>("/:version/:id/whatsapp_business_profile", async (req, reply) => {
    const phone = await ownPhoneNumber(platform, await authenticate(platform, req), req.params.id, "POST");
    const body = req.body ?? {};
    const r = parseParams(update, body);
    if (r.about === "") throw new GraphError(100, "Param about must be at least 1 characters long.");
    const profile = fromJson<Record<string, unknown>>(phone.profile, {});
    const { messaging_product: _m, profile_picture_handle: handle, ...changes } = r;
    for (const [k, v] of Object.entries(changes)) {
      const cleared = v === "" || (Array.isArray(v) && v.every((x) => x === ""));
      if (cleared) delete profile[k];
      else profile[k] = Array.isArray(v) ? v.filter((x) => x !== "") : v;
    }
    if (handle) profile.profile_picture_url = `https://pps.whatsapp.net/v/${encodeURIComponent(handle)}`;
    await platform.db
      .updateTable("phone_numbers")
      .set({ profile: toJson(profile) })
      .where("id", "=", phone.id)
      .execute();
    platform.directory.forget();
    return reply.send({ success: true });
  });
}
