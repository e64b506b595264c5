import { createTemplateRequest, parseParams } from "@openwaba/contracts";
import { toJson } from "@openwaba/store";
import { graphId } from "../ids";
import type { Platform } from "../platform";
import { templateProblem } from "../rules/template-structure";
import { templateError } from "./template-errors";
import { scheduleReview } from "./template-reviewer";

export const TEMPLATES_PER_WABA = 250;
/** A deleted approved template's name cannot be used again for 30 days (§4). */
export const DELETED_NAME_BLOCK_MS = 30 * 24 * 3600 * 1000;

/** POST /{waba-id}/message_templates: checked, stored as PENDING for review. */
export async function createTemplate(platform: Platform, wabaId: string, body: unknown) {
  const req = parseParams(createTemplateRequest, body ?? {});
  const format = req.parameter_format ?? "positional";
  const problem = templateProblem({ category: req.category, parameter_format: format, components: req.components });
  if (problem) throw templateError(problem);
  const now = platform.clock.now();
  const id = graphId();
  await platform.db.transaction().execute(async (tx) => {
    const same = await tx
      .selectFrom("templates")
      .select(["id", "deleted_at", "was_approved"])
      .where("waba_id", "=", wabaId)
      .where("name", "=", req.name)
      .execute();
    const sameLanguage = await tx
      .selectFrom("templates")
      .select("id")
      .where("waba_id", "=", wabaId)
      .where("name", "=", req.name)
      .where("language", "=", req.language)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (sameLanguage) {
      throw templateError({
        subcode: 2388024,
        title: "Message template already exists",
        message: `There is already ${req.language} content for this template (${req.name}). Edit it, or choose another language or name.`,
      });
    }
    if (same.some((t) => t.deleted_at !== null && t.was_approved && now - t.deleted_at < DELETED_NAME_BLOCK_MS)) {
      throw templateError({
        subcode: 2388023,
        title: "Message template is being deleted",
        message: `The name ${req.name} belonged to an approved template deleted less than 30 days ago; choose another name.`,
      });
    }
    const live = await tx
      .selectFrom("templates")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("waba_id", "=", wabaId)
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= TEMPLATES_PER_WABA) {
      throw templateError({
        subcode: 2388019,
        title: "Message template limit reached",
        message: `This WABA already has ${TEMPLATES_PER_WABA} templates; delete some before creating more.`,
      });
    }
    await tx
      .insertInto("templates")
      .values({
        id,
        waba_id: wabaId,
        name: req.name,
        language: req.language,
        category: req.category,
        status: "PENDING",
        parameter_format: format,
        components: toJson(req.components),
        quality_score: "UNKNOWN",
        rejected_reason: null,
        message_send_ttl_seconds: req.message_send_ttl_seconds ?? null,
        edits: "[]",
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    await scheduleReview(platform, tx, id, now);
  });
  platform.wake("templates");
  return { id, status: "PENDING", category: req.category };
}
