import { connectTenant, hashPassword } from "@openwaba/suite";
import type { TestServer } from "./harness";
import { signIn, type SuiteSession } from "./suite-session";

/**
 * Another business on the same server (its own tenant, on a WABA of its own that the platform
 * does not know), signed in as its admin: what a tenant holds must look like nothing to it.
 */
export async function signInOtherTenantAdmin(s: TestServer): Promise<SuiteSession> {
  const other = await connectTenant(s.store.db, Date.now(), "Other shop", {
    waba_id: "999",
    graph_url: s.url,
    graph_version: "v23.0",
    access_token: "x",
    app_secret: "y",
    verify_token: "z",
    numbers: [],
  });
  await s.store.db
    .insertInto("suite_users")
    .values({
      id: "other-admin",
      tenant_id: other.tenantId,
      email: "boss@other.test",
      name: "Boss",
      role: "admin",
      password_hash: await hashPassword("another long password"),
      status: "active",
      availability: "online",
      capacity: 5,
      created_at: Date.now(),
    })
    .execute();
  return signIn(s, "boss@other.test", "another long password");
}
