import { afterAll, describe, expect, it } from "vitest";
import { openTestStore } from "@openwaba/store/testing";
import { connectTenant } from "./connect-tenant";
import { tenantNumber } from "./tenant-number";

// "The first number" is the Cloud API's first (the credentials file's), for every feature that
// defaults to one: here the first listed has the larger id, which ordering by id got wrong.
const store = await openTestStore();
afterAll(() => store.close());

const spec = (numbers: { id: string; display_phone_number: string; verified_name: string }[]) => ({
  waba_id: "1000",
  graph_url: "http://127.0.0.1:1",
  graph_version: "v23.0",
  access_token: "t",
  app_secret: "s",
  verify_token: "v",
  numbers,
});

describe("a tenant's default number", () => {
  it("is the first the Cloud API lists, and follows a change of that order", async () => {
    const shop = { id: "852078468558148", display_phone_number: "15550001111", verified_name: "Dev Shop" };
    const support = { id: "502595883077296", display_phone_number: "15550002222", verified_name: "Dev Support" };
    const { tenantId } = await connectTenant(store.db, Date.now(), "Dev", spec([shop, support]));
    expect((await tenantNumber(store.db, tenantId)).id).toBe(shop.id);
    expect((await tenantNumber(store.db, tenantId, support.id)).id).toBe(support.id);
    await connectTenant(store.db, Date.now(), "Dev", spec([support, shop]));
    expect((await tenantNumber(store.db, tenantId)).id).toBe(support.id);
  });

  it("another tenant's number is refused, naming the field", async () => {
    const { tenantId } = await connectTenant(store.db, Date.now(), "Other", {
      ...spec([{ id: "999", display_phone_number: "15550003333", verified_name: "Other" }]),
      waba_id: "2000",
    });
    await expect(tenantNumber(store.db, tenantId, "852078468558148")).rejects.toMatchObject({ status: 400 });
  });
});
