import { isWindowOpen, normaliseNumber } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import type { ContactRow } from "../contacts/contacts-store";
import { consentExclusion } from "../contacts/consent";
import { segmentQuery } from "../contacts/segment";
import type { CampaignAudience, Exclusion } from "@openwaba/contracts/suite";

// Who a campaign reaches: the contacts of a segment, or a list of numbers, page by page; each
// once (by number), and as the consent model says (contacts/consent.ts): marketing templates need
// marketing consent that was not withdrawn nor stopped in WhatsApp; utility and authentication
// templates are not held back by marketing consent (Meta's STOP blocks marketing only).

export interface Candidate {
  waId: string;
  contact: ContactRow | undefined;
  excluded: Exclusion | null;
  windowOpen: boolean;
}

const PAGE = 1000;

export async function* audiencePages(
  db: Db,
  o: { tenantId: string; phoneNumberId: string; audience: CampaignAudience; category: string; now: number },
): AsyncGenerator<Candidate[]> {
  const judge = async (rows: { waId: string; contact: ContactRow | undefined }[]): Promise<Candidate[]> => {
    const ids = rows.map((r) => r.waId);
    if (!ids.length) return [];
    const windows = new Map(
      (
        await db
          .selectFrom("suite_conversations")
          .select(["wa_id", "last_inbound_at"])
          .where("phone_number_id", "=", o.phoneNumberId)
          .where("wa_id", "in", ids)
          .execute()
      ).map((c) => [c.wa_id, c.last_inbound_at]),
    );
    return rows.map(({ waId, contact }) => ({
      waId,
      contact,
      excluded: consentExclusion(contact, o.category),
      windowOpen: isWindowOpen(windows.get(waId), o.now),
    }));
  };

  if ("segment" in o.audience) {
    let after = "";
    for (;;) {
      const page = await segmentQuery(db, o.tenantId, o.audience.segment, o.now)
        .where("id", ">", after)
        .orderBy("id")
        .limit(PAGE)
        .execute();
      if (!page.length) return;
      yield await judge(page.map((c) => ({ waId: c.wa_id, contact: c })));
      after = page[page.length - 1].id;
    }
  }
  const seen = new Set<string>();
  const list = o.audience.phones;
  for (let i = 0; i < list.length; i += PAGE) {
    const out: Candidate[] = [];
    const fresh: string[] = [];
    for (const raw of list.slice(i, i + PAGE)) {
      const waId = normaliseNumber(raw, o.audience.default_country);
      if (!waId) out.push({ waId: raw, contact: undefined, excluded: "invalid_number", windowOpen: false });
      else if (seen.has(waId)) out.push({ waId, contact: undefined, excluded: "duplicate", windowOpen: false });
      else {
        seen.add(waId);
        fresh.push(waId);
      }
    }
    const contacts = fresh.length
      ? new Map(
          (
            await db
              .selectFrom("suite_contacts")
              .selectAll()
              .where("tenant_id", "=", o.tenantId)
              .where("wa_id", "in", fresh)
              .execute()
          ).map((c) => [c.wa_id, c]),
        )
      : new Map<string, ContactRow>();
    out.push(...(await judge(fresh.map((waId) => ({ waId, contact: contacts.get(waId) })))));
    yield out;
  }
}
