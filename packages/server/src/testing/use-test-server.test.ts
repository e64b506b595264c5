import { describe, expect, it } from "vitest";
import { signInAdmin } from "./suite-session";
import { useTestServer } from "./use-test-server";

// The file's server is there in its tests (every property the running server's), and reading it
// at collection time, before it starts, says why it cannot be read.
const s = useTestServer();
let early: unknown;
try {
  void s.url;
} catch (err) {
  early = err;
}

describe("a test server used by a file", () => {
  it("cannot be read before it starts", () => {
    expect(String(early)).toMatch(/the test server is not running \(reading url\)/);
  });

  it("is the running server in the file's tests", async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect("call" in s).toBe(true);
    expect((await s.call("GET", "/health")).status).toBe(200);
    const admin = await signInAdmin(s);
    expect((await admin.call<{ user: { role: string } }>("GET", "/suite/api/me")).body.user.role).toBe("admin");
  });
});
