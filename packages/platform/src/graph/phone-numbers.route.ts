import type { FastifyInstance } from "fastify";
import type { Platform } from "../platform";
import { authenticate, ownWaba, type GraphParams } from "./graph-request";
import { LIST_PHONE_FIELDS, phoneContext, presentPhoneNumber } from "./phone-number-fields";
import { page } from "./paging";

/** GET /{waba-id}/phone_numbers (§9), with ?fields= and cursor paging. */
export function registerPhoneNumbersRoute(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: GraphParams; Querystring: Record<string, string | undefined> }>(
    "/:version/:id/phone_numbers",
    async (req, reply) => {
      const principal = await authenticate(platform, req);
      ownWaba(principal, req.params.id, "GET");
      const rows = await platform.db
        .selectFrom("phone_numbers")
        .selectAll()
        .where("waba_id", "=", req.params.id)
        .orderBy("created_at", req.query.sort?.includes("descending") ? "desc" : "asc")
        .orderBy("id")
        .execute();
      const fields = req.query.fields;
      const shown = await Promise.all(
        rows.map(async (r) =>
          presentPhoneNumber(r, fields, await phoneContext(platform, platform.db, r), LIST_PHONE_FIELDS),
        ),
      );
      return reply.send(page(shown, req.query, `${req.protocol}://${req.host}${req.url.split("?")[0]}`));
    },
  );
}
