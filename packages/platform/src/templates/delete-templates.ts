import { GraphError } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { emitWabaEvent } from "../webhooks/events";
import { templateWebhookIds } from "./review-decision";

/**
 * DELETE /{waba-id}/message_templates?name=X[&hsm_id=Y] (§4): every language of a name, or one
 * template. A DISABLED template can't be deleted; nothing found is a 404 (clients treat it as
 * already deleted). Each deletion is announced with a DELETED status webhook.
 */
export async function deleteTemplates(platform: Platform, wabaId: string, q: { name?: string; hsm_id?: string }) {
  if (!q.name) throw new GraphError(131008, "The parameter name is required.");
  const now = platform.clock.now();
  await platform.db.transaction().execute(async (tx) => {
    let sel = tx
      .selectFrom("templates")
      .selectAll()
      .where("waba_id", "=", wabaId)
      .where("name", "=", q.name!)
      .where("deleted_at", "is", null);
    if (q.hsm_id) sel = sel.where("id", "=", q.hsm_id);
    const found = await sel.execute();
    if (!found.length)
      throw new GraphError(100, `Message template ${q.name}${q.hsm_id ? ` with id ${q.hsm_id}` : ""} was not found.`, {
        http: 404,
      });
    const disabled = found.find((t) => t.status === "DISABLED");
    if (disabled)
      throw new GraphError(100, `Template ${disabled.name} (${disabled.language}) is DISABLED and can't be deleted.`);
    for (const t of found) {
      await tx
        .updateTable("templates")
        .set({ status: "DELETED", deleted_at: now, updated_at: now })
        .where("id", "=", t.id)
        .execute();
      await emitWabaEvent(platform, tx, wabaId, "message_template_status_update", {
        event: "DELETED",
        ...templateWebhookIds(t),
        reason: null,
      });
    }
  });
  platform.wake("webhook");
  return { success: true };
}
