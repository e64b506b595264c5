import { readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/harness";
import { credentialsFileWords } from "./sign-in-hints";

// The sign-in page's hint about dev-credentials.json (issue #10 item 14): said, without a session,
// only by a server that runs the development tenant on a developer's box; a production server
// says nothing of it, so its agents never see it.
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});
const hint = async (s: TestServer) => {
  const r = await fetch(`${s.url}/suite/api/sign-in`);
  return {
    status: r.status,
    cache: r.headers.get("cache-control"),
    body: (await r.json()) as { dev_credentials_file: string | null },
  };
};

describe("the sign-in page's hint", () => {
  it("names the development tenant's credentials file, before anyone signs in", async () => {
    const s = await startTestServer({ subscribe: false });
    servers.push(s);
    const r = await hint(s);
    expect(r).toMatchObject({ status: 200, cache: "no-store" });
    const file = r.body.dev_credentials_file!;
    expect(file).toMatch(/dev-credentials\.json$/);
    expect(resolve(file)).toBe(join(s.dataDir, "dev-credentials.json"));
    expect(JSON.parse(readFileSync(resolve(file), "utf8")).console_password).toBe(s.consoleLogin!.console_password);
  });

  it("is not given by a production server", async () => {
    const s = await startTestServer({ subscribe: false, env: { NODE_ENV: "production", LOG_LEVEL: "silent" } });
    servers.push(s);
    expect(await hint(s)).toMatchObject({ status: 200, body: { dev_credentials_file: null } });
  });

  it("says the file as a person here would open it: relative to where the server runs, else in full", () => {
    expect(credentialsFileWords("/home/dev/openwaba/data/dev-credentials.json", "/home/dev/openwaba")).toBe(
      "data/dev-credentials.json",
    );
    expect(credentialsFileWords("/tmp/x/dev-credentials.json", "/home/dev/openwaba")).toBe(
      "/tmp/x/dev-credentials.json",
    );
    expect(isAbsolute(credentialsFileWords("/tmp/x/dev-credentials.json", "/tmp/y"))).toBe(true);
  });
});
