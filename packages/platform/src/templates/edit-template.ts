import { GraphError, editTemplateRequest, parseParams } from "@openwaba/contracts";
import { fromJson, toJson, type Template } from "@openwaba/store";
import type { Platform } from "../platform";
import { templateProblem } from "../rules/template-structure";
import type { ParameterFormat } from "../rules/template-variables";
import { templateError } from "./template-errors";
import { scheduleReview } from "./template-reviewer";

const DAY = 24 * 3600 * 1000;

/**
 * POST /{template-id} (§4): only APPROVED, REJECTED or PAUSED templates can be edited; an edit
 * replaces all components and goes back to review. An approved template keeps its category and
 * may be edited once in 24 hours and 10 times in 30 days.
 */
export async function editTemplate(platform: Platform, t: Template, body: unknown) {
  const req = parseParams(editTemplateRequest, body ?? {});
  if (!req.components && !req.category && req.message_send_ttl_seconds === undefined) {
    throw new GraphError(131008, "Send components, category or message_send_ttl_seconds to edit a template.");
  }
  if (!["APPROVED", "REJECTED", "PAUSED"].includes(t.status)) {
    throw templateError({
      subcode: 2388025,
      title: "Template can't be edited",
      message: `A ${t.status} template can't be edited; only APPROVED, REJECTED or PAUSED ones can.`,
    });
  }
  const now = platform.clock.now();
  const edits = fromJson<number[]>(t.edits, []);
  if (t.status === "APPROVED") {
    if (req.category && req.category !== t.category) {
      throw templateError({
        subcode: 2388025,
        title: "Category can't be changed",
        message: "The category of an approved template can't be edited.",
      });
    }
    if (edits.some((e) => now - e < DAY))
      throw templateError({
        subcode: 2388025,
        title: "Edit limit reached",
        message: "An approved template can be edited once in 24 hours.",
      });
    if (edits.filter((e) => now - e < 30 * DAY).length >= 10)
      throw templateError({
        subcode: 2388025,
        title: "Edit limit reached",
        message: "An approved template can be edited 10 times in 30 days.",
      });
  }
  const category = req.category ?? (t.category as "MARKETING" | "UTILITY" | "AUTHENTICATION");
  const components = req.components ?? fromJson(t.components, []);
  const problem = templateProblem({ category, parameter_format: t.parameter_format as ParameterFormat, components });
  if (problem) throw templateError(problem);
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("templates")
      .set({
        category,
        components: toJson(components),
        status: "PENDING",
        rejected_reason: null,
        updated_at: now,
        message_send_ttl_seconds: req.message_send_ttl_seconds ?? t.message_send_ttl_seconds,
        edits: toJson(t.status === "APPROVED" ? [...edits.filter((e) => now - e < 30 * DAY), now] : edits),
      })
      .where("id", "=", t.id)
      .execute();
    await scheduleReview(platform, tx, t.id, now);
  });
  platform.wake("templates");
  return { success: true, id: t.id };
}
