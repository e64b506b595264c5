import type { Db } from "@openwaba/store";
import { type FaqEntryChangeRequest, type FaqEntryRequest, faqEntryRequest } from "@openwaba/contracts/suite";
import { SuiteError, notFound, parseBody } from "../../errors";
import { newId } from "../../ids";
import type { Suite } from "../../suite";
import { presentEntry } from "../faq-index";

/** The index is rebuilt for each question: a bounded base keeps that cheap. */
const MAX_FAQ_ENTRIES = 2000;

/** A new entry of a tenant's knowledge base; a full base (MAX_FAQ_ENTRIES) refuses it. Returns it as shown. */
export async function addFaqEntry(suite: Suite, db: Db, p: { tenantId: string; entry: FaqEntryRequest }) {
  const n = await db
    .selectFrom("suite_faq")
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", p.tenantId)
    .executeTakeFirstOrThrow();
  if (Number(n.n) >= MAX_FAQ_ENTRIES)
    throw new SuiteError(409, "too_many_entries", `A knowledge base holds at most ${MAX_FAQ_ENTRIES} entries.`);
  const row = {
    id: newId(),
    tenant_id: p.tenantId,
    question: p.entry.question,
    alternatives: JSON.stringify(p.entry.alternatives ?? []),
    answer: p.entry.answer,
    language: p.entry.language ?? null,
    created_at: suite.clock.now(),
  };
  await db.insertInto("suite_faq").values(row).execute();
  return presentEntry(row);
}

export interface EditFaqEntryProps {
  tenantId: string;
  /** One of the tenant's entries; another tenant's is 404. */
  entryId: string;
  /** The fields given; the others stay. */
  change: FaqEntryChangeRequest;
}

/** Changes an entry; the entry it makes is checked as a whole (a new question must not repeat a kept alternative). */
export async function editFaqEntry(db: Db, p: EditFaqEntryProps) {
  const current = await db
    .selectFrom("suite_faq")
    .select(["id", "question", "alternatives", "answer", "language"])
    .where("id", "=", p.entryId)
    .where("tenant_id", "=", p.tenantId)
    .executeTakeFirst();
  if (!current) throw notFound("FAQ entry");
  const b = p.change;
  const next = { ...presentEntry(current), ...b, language: b.language === undefined ? current.language : b.language };
  parseBody(faqEntryRequest, {
    question: next.question,
    alternatives: next.alternatives,
    answer: next.answer,
    language: next.language,
  });
  await db
    .updateTable("suite_faq")
    .set({
      question: next.question,
      alternatives: JSON.stringify(next.alternatives),
      answer: next.answer,
      language: next.language,
    })
    .where("id", "=", current.id)
    .where("tenant_id", "=", p.tenantId)
    .execute();
  return next;
}

/** Deletes one of the tenant's entries; another tenant's is 404. */
export async function deleteFaqEntry(db: Db, p: { tenantId: string; entryId: string }): Promise<void> {
  const r = await db
    .deleteFrom("suite_faq")
    .where("id", "=", p.entryId)
    .where("tenant_id", "=", p.tenantId)
    .executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw notFound("FAQ entry");
}
