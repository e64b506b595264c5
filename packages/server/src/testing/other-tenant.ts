import { type ConnectionSpec, connectTenant, hashPassword } from "@openwaba/suite";
import type { TestServer } from "./harness";
import { signIn, type SuiteSession } from "./suite-session";

/**
 * Another business on the same server, signed in as its admin: what a tenant holds must look like
 * nothing to it. Its connection is a WABA the platform does not know, unless `connection` gives
 * a real one (for routes that ask the platform with the caller's own token).
 */
export async function signInOtherTenantAdmin(s: TestServer, connection?: ConnectionSpec): Promise<SuiteSession> {
  const other = await connectTenant(
    s.store.db,
    Date.now(),
    "Other shop",
    connection ?? {
      waba_id: "999",
      graph_url: s.url,
      graph_version: "v23.0",
      access_token: "x",
      app_secret: "y",
      verify_token: "z",
      numbers: [],
    },
  );
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
