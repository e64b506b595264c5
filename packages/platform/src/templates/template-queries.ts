import { GraphError } from "@openwaba/contracts";
import type { Db, Template } from "@openwaba/store";

/** A live (not deleted) template of a WABA by id. */
export async function findTemplateById(db: Db, id: string): Promise<Template | null> {
  return (
    (await db
      .selectFrom("templates")
      .selectAll()
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst()) ?? null
  );
}

export interface TemplateFilter {
  name?: string;
  status?: string;
  category?: string;
  language?: string;
  content?: string;
}

/** The WABA's live templates matching the filters, newest first (Graph's order). */
export async function listTemplates(db: Db, wabaId: string, f: TemplateFilter): Promise<Template[]> {
  let q = db.selectFrom("templates").selectAll().where("waba_id", "=", wabaId).where("deleted_at", "is", null);
  if (f.name) q = q.where("name", "=", f.name);
  if (f.language) q = q.where("language", "=", f.language);
  if (f.status) q = q.where("status", "in", f.status.toUpperCase().split(","));
  if (f.category) q = q.where("category", "in", f.category.toUpperCase().split(","));
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").execute();
  return f.content ? rows.filter((r) => r.components.toLowerCase().includes(f.content!.toLowerCase())) : rows;
}

/**
 * The template a send names, if it may be sent: only APPROVED ones (§4). PAUSED is 132015,
 * DISABLED 132016, anything else — missing, pending, rejected, another language — 132001.
 */
export async function sendableTemplate(db: Db, wabaId: string, name: string, language: string): Promise<Template> {
  const t = await db
    .selectFrom("templates")
    .selectAll()
    .where("waba_id", "=", wabaId)
    .where("name", "=", name)
    .where("language", "=", language)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (t?.status === "APPROVED") return t;
  if (t?.status === "PAUSED")
    throw new GraphError(132015, `Template ${name} (${language}) is paused because of low quality.`);
  if (t?.status === "DISABLED")
    throw new GraphError(132016, `Template ${name} (${language}) was disabled because of low quality.`);
  throw new GraphError(132001, `template name (${name}) does not exist in ${language}`);
}
