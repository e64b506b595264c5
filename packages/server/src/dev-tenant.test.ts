import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HELLO_WORLD } from "@openwaba/platform";
import { configFromEnv } from "./config";
import { startServer } from "./server";
import { startWebhookReceiver, waitFor } from "./testing/harness";
import { freePort } from "./testing/server-process";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const env = (extra: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), "openwaba-tenant-"));
  dirs.push(dir);
  return {
    PORT: "0",
    OPENWABA_DATA_DIR: dir,
    LOG_LEVEL: "silent",
    OPENWABA_LOG_FORMAT: "json",
    OPENWABA_SIM_LATENCY: "zero",
    ...extra,
  };
};

describe("the development tenant", () => {
  it("is written on first start with the pinned keys and the console's admin, privately, and kept across restarts", async () => {
    const e = env();
    const first = await startServer(configFromEnv(e));
    const file = join(e.OPENWABA_DATA_DIR, "dev-credentials.json");
    const creds = JSON.parse(readFileSync(file, "utf8"));
    expect(Object.keys(creds).sort()).toEqual([
      "access_token",
      "app_id",
      "app_secret",
      "console_email",
      "console_password",
      "graph_version",
      "phone_number_ids",
      "verify_token",
      "waba_id",
    ]);
    expect(creds.console_password).toMatch(/^[\w-]{16}$/);
    expect(creds.phone_number_ids).toHaveLength(2);
    expect(creds.graph_version).toMatch(/^v\d+\.\d$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    const numbers = await first.store.db.selectFrom("phone_numbers").selectAll().execute();
    expect(numbers.map((n) => [n.quality_rating, n.status])).toEqual([
      ["GREEN", "CONNECTED"],
      ["GREEN", "CONNECTED"],
    ]);
    await first.close();
    rmSync(file);
    const again = await startServer(configFromEnv(e));
    // Rewritten from the store, same tenant; the console password existed in clear only in the lost file, so it is new.
    const rewritten = JSON.parse(readFileSync(file, "utf8"));
    expect({ ...rewritten, console_password: "" }).toEqual({ ...creds, console_password: "" });
    expect(rewritten.console_password).not.toBe(creds.console_password);
    await again.close();
  });

  it("starts its WABA as Meta does, with the approved sample template hello_world, once; OPENWABA_SAMPLE_TEMPLATE=off starts it empty", async () => {
    const e = env();
    const s = await startServer(configFromEnv(e));
    const graph = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${s.url}/${s.credentials.graph_version}${path}`, {
        method,
        headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const list = await graph("GET", `/${s.credentials.waba_id}/message_templates`);
    expect(list.body.data).toEqual([
      expect.objectContaining({ name: "hello_world", language: "en_US", status: "APPROVED", category: "UTILITY" }),
    ]);
    expect(list.body.data[0].components.map((c: any) => c.type)).toEqual(["HEADER", "BODY", "FOOTER"]);
    // It is a template the platform's own rules accept, and it sends to anyone, window or not.
    expect(
      (await graph("POST", `/${s.credentials.waba_id}/message_templates`, { ...HELLO_WORLD, name: "hello_world_copy" }))
        .status,
    ).toBe(200);
    const sent = await graph("POST", `/${s.credentials.phone_number_ids[0]}/messages`, {
      messaging_product: "whatsapp",
      to: "48600700900",
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
    expect([sent.status, sent.body.messages?.[0]?.id]).toEqual([200, expect.stringMatching(/^wamid\./)]);
    await s.close();
    const again = await startServer(configFromEnv(e));
    expect(
      await again.store.db.selectFrom("templates").select("name").where("name", "=", "hello_world").execute(),
    ).toHaveLength(1);
    await again.close();
    const empty = await startServer(configFromEnv(env({ OPENWABA_SAMPLE_TEMPLATE: "off" })));
    expect(await empty.store.db.selectFrom("templates").select("name").execute()).toEqual([]);
    await empty.close();
    expect(() => configFromEnv(env({ OPENWABA_SAMPLE_TEMPLATE: "maybe" }))).toThrow(
      'OPENWABA_SAMPLE_TEMPLATE must be "on" or "off", not "maybe"',
    );
  });

  it("OPENWABA_WEBHOOK_URL becomes the app's callback once its handshake passes", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhook`;
    const s = await startServer(configFromEnv(env({ OPENWABA_WEBHOOK_URL: url })));
    // The receiver starts after the server, as it often does in development.
    const receiver = await startWebhookReceiver({
      verifyToken: s.credentials.verify_token,
      appSecret: s.credentials.app_secret,
      port,
    });
    await waitFor(
      async () =>
        (await s.store.db.selectFrom("apps").select("callback_url").executeTakeFirstOrThrow()).callback_url === url,
      10_000,
      "callback set",
    );
    const call = (path: string, body: unknown) =>
      fetch(`${s.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await call("/simulator/users", { wa_id: "48600700800" });
    await call("/simulator/users/48600700800/messages", {
      to: s.credentials.phone_number_ids[0],
      type: "text",
      text: { body: "czy działa?" },
    });
    await waitFor(() => receiver.messages().some((m) => m.text?.body === "czy działa?"), 5000, "inbound webhook");
    expect(receiver.handshakes).toBeGreaterThan(0);
    await s.close();
    await receiver.close();
  });
});
