import { afterAll, describe, expect, it } from "vitest";
import { openTestStore } from "@openwaba/store/testing";
import { connectTenant } from "../connect-tenant";
import { saveTenantSettings } from "./save-tenant-settings";

// Each feature saves its part of a tenant's settings. The four copies of this write differed (the
// auto messages' read and wrote in a transaction, the others did not); neither kept two saves at
// once: the later write put back what the other had just replaced.
const store = await openTestStore();
afterAll(() => store.close());

const tenant = async (waba: string) =>
  (
    await connectTenant(store.db, Date.now(), "Shop", {
      waba_id: waba,
      graph_url: "http://127.0.0.1:1",
      graph_version: "v23.0",
      access_token: "t",
      app_secret: "s",
      verify_token: "v",
      numbers: [{ id: `${waba}1`, display_phone_number: "15550001111", verified_name: "Shop" }],
    })
  ).tenantId;
const stored = async (tenantId: string) =>
  JSON.parse(
    (await store.db.selectFrom("suite_tenants").select("settings").where("id", "=", tenantId).executeTakeFirstOrThrow())
      .settings,
  );

describe("a tenant's settings", () => {
  it("keep both parts of two saves at once", async () => {
    const tenantId = await tenant("7001");
    await Promise.all([
      saveTenantSettings(store.db, { tenantId, change: () => ({ business_hours: null }) }),
      saveTenantSettings(store.db, { tenantId, change: () => ({ auto_messages: { greeting: null } }) }),
      saveTenantSettings(store.db, { tenantId, change: () => ({ faq_bot: { enabled: true, threshold: 0.6 } }) }),
    ]);
    expect(await stored(tenantId)).toEqual({
      business_hours: null,
      auto_messages: { greeting: null },
      faq_bot: { enabled: true, threshold: 0.6 },
    });
  });

  it("compute a part from the settings as saved, and drop a part set to undefined", async () => {
    const tenantId = await tenant("7002");
    await saveTenantSettings(store.db, { tenantId, change: () => ({ business_webhook: { url: "u", secret: "k" } }) });
    const kept = await saveTenantSettings(store.db, {
      tenantId,
      change: (s) => ({ business_webhook: { url: "v", secret: s.business_webhook.secret } }),
    });
    expect(kept.business_webhook).toEqual({ url: "v", secret: "k" });
    await saveTenantSettings(store.db, { tenantId, change: () => ({ business_webhook: undefined }) });
    expect(await stored(tenantId)).toEqual({});
  });
});
