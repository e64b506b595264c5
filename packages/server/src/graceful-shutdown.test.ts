import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, waitFor } from "./testing/harness";
import { spawnServer, stopServer } from "./testing/server-process";

const dataDir = mkdtempSync(join(tmpdir(), "openwaba-stop-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("graceful shutdown", () => {
  it("SIGTERM finishes the work in hand and exits 0; a restart picks up the rest", async () => {
    const env = {
      OPENWABA_DATA_DIR: dataDir,
      OPENWABA_SIM_LATENCY: "zero",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
    };
    let server = await spawnServer(env);
    const { creds } = server;
    const receiver = await startWebhookReceiver({ verifyToken: creds.verify_token, appSecret: creds.app_secret });
    const call = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${creds.access_token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await call(`/${creds.graph_version}/${creds.app_id}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url: receiver.url,
      verify_token: creds.verify_token,
    });
    for (const wa of ["34600000001", "34600000002"]) {
      await call("/simulator/users", { wa_id: wa, read_probability: 0 });
      await call(`/simulator/users/${wa}/messages`, {
        to: creds.phone_number_ids[0],
        type: "text",
        text: { body: "hola" },
      });
    }
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await call(`/${creds.graph_version}/${creds.phone_number_ids[0]}/messages`, {
        messaging_product: "whatsapp",
        to: i % 2 ? "34600000001" : "34600000002",
        text: { body: `m${i}` },
      });
      ids.push(((await r.json()) as any).messages[0].id);
    }
    expect(await stopServer(server.proc, 30_000)).toBe(0);
    server = await spawnServer({ ...env, PORT: new URL(server.url).port });
    await waitFor(
      () => {
        const d = new Set(
          receiver
            .statuses()
            .filter((x) => x.status === "delivered")
            .map((x) => x.id),
        );
        return ids.every((id) => d.has(id));
      },
      30_000,
      "every message delivered",
    );
    expect(await stopServer(server.proc)).toBe(0);
    await receiver.close();
  }, 90_000);
});
