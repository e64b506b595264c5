import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openTestStore } from "../testing";
import * as preferences from "./016-suite-marketing-preferences";
import * as oneConsent from "./026-suite-one-consent";

// The customer's stop / resume moves from suite_marketing_preferences onto the contact's consent.
const store = await openTestStore();
afterAll(() => store.close());
const db = store.db as unknown as Kysely<any>;
const contact = (wa_id: string, consent: string | null, source: string | null, at: number | null) => ({
  id: `c-${wa_id}`,
  tenant_id: "t1",
  wa_id,
  name: wa_id,
  language: null,
  timezone: null,
  attributes: "{}",
  tags: "[]",
  marketing_consent: consent,
  consent_source: source,
  consent_at: at,
  last_activity_at: null,
  created_at: 1,
  updated_at: 1,
});

describe(`one consent on ${store.dialect}`, () => {
  it("keeps a standing STOP on the contact over a later import, makes contacts of unknown numbers, and drops the preferences", async () => {
    await preferences.up(db, store.dialect); // as before the migration
    await db
      .insertInto("suite_contacts")
      .values([
        contact("48600000001", "granted", "csv_import", 5000), // stopped at 1000, then imported as "yes"
        contact("48600000002", "granted", "whatsapp_user_preferences", 2000), // resumed
        contact("48600000003", "revoked", "console:a@b.c", 9000), // resumed, then withdrawn by the business
      ])
      .execute();
    await db
      .insertInto("suite_marketing_preferences")
      .values([
        { tenant_id: "t1", wa_id: "48600000001", value: "stop", at: 1000 },
        { tenant_id: "t1", wa_id: "48600000002", value: "resume", at: 2000 },
        { tenant_id: "t1", wa_id: "48600000003", value: "resume", at: 3000 },
        { tenant_id: "t1", wa_id: "48600000004", value: "stop", at: 4000 }, // a deleted contact's STOP
      ])
      .execute();
    await oneConsent.up(db, store.dialect);
    const rows = await db
      .selectFrom("suite_contacts")
      .select(["wa_id", "marketing_consent", "consent_source", "consent_at"])
      .where("tenant_id", "=", "t1")
      .orderBy("wa_id")
      .execute();
    expect(rows.map((r) => ({ ...r, consent_at: Number(r.consent_at) }))).toEqual([
      {
        wa_id: "48600000001",
        marketing_consent: "revoked",
        consent_source: "whatsapp_user_preferences",
        consent_at: 1000,
      },
      {
        wa_id: "48600000002",
        marketing_consent: "granted",
        consent_source: "whatsapp_user_preferences",
        consent_at: 2000,
      },
      { wa_id: "48600000003", marketing_consent: "revoked", consent_source: "console:a@b.c", consent_at: 9000 },
      {
        wa_id: "48600000004",
        marketing_consent: "revoked",
        consent_source: "whatsapp_user_preferences",
        consent_at: 4000,
      },
    ]);
    await expect(db.selectFrom("suite_marketing_preferences").selectAll().execute()).rejects.toThrow();
  });
});
