import type { Db, Template } from "@openwaba/store";

/** A live (not deleted) template of a WABA by id. */
export async function findTemplateById(db: Db, id: string): Promise<Template | null> {
  return (await db.selectFrom("templates").selectAll().where("id", "=", id).where("deleted_at", "is", null).executeTakeFirst()) ?? null;
}

export interface TemplateFilter { name?: string; status?: string; category?: string; language?: string; content?: string }

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
