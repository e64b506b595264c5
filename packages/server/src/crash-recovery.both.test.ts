import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, testDatabaseUrl, waitFor } from "./testing/harness";
import { freePort, spawnServer, stopServer } from "./testing/server-process";

// A server killed with SIGKILL in the middle of a burst loses nothing: after a restart, every
// message it had accepted (answered 200) reaches its `delivered` status on the webhook.
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe("crash recovery", () => {
  it("delivers every accepted message after kill -9 and a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "openwaba-crash-"));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const db = await testDatabaseUrl();
    cleanup.push(() => db.drop());
    const env: Record<string, string> = {
      PORT: String(await freePort()),
      OPENWABA_DATA_DIR: dataDir,
      OPENWABA_SIM_LATENCY: "zero",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      OPENWABA_CLAIM_TIMEOUT_MS: "3000",
      OPENWABA_THROUGHPUT_MPS: "100000",
      OPENWABA_WEBHOOK_TIMEOUT_MS: "2000",
      ...(db.url ? { OPENWABA_DATABASE_URL: db.url } : {}),
    };
    let server = await spawnServer(env);
    cleanup.push(async () => {
      await stopServer(server.proc);
    });
    const { creds } = server;
    const receiver = await startWebhookReceiver({ verifyToken: creds.verify_token, appSecret: creds.app_secret });
    cleanup.push(() => receiver.close());
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${creds.access_token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    const phone = creds.phone_number_ids[0];
    expect(
      (
        await call("POST", `/${creds.graph_version}/${creds.app_id}/subscriptions`, {
          object: "whatsapp_business_account",
          callback_url: receiver.url,
          verify_token: creds.verify_token,
          fields: "messages",
        })
      ).status,
    ).toBe(200);
    // 60 users: the burst stays within the pair rate's 45 messages per user.
    const users = Array.from({ length: 60 }, (_, i) => `3461${String(1000000 + i)}`);
    for (const wa of users) {
      await call("POST", "/simulator/users", { wa_id: wa, read_probability: 0 });
      await call("POST", `/simulator/users/${wa}/messages`, { to: phone, type: "text", text: { body: "hola" } });
    }

    const accepted: string[] = [];
    let sent = 0;
    const burst = Array.from({ length: 40 }, async (_, worker) => {
      for (let i = 0; i < 50; i++) {
        const wa = users[(worker + i) % users.length];
        try {
          const r = await call("POST", `/${creds.graph_version}/${phone}/messages`, {
            messaging_product: "whatsapp",
            to: wa,
            type: "text",
            text: { body: `burst ${worker}-${i}` },
          });
          sent++;
          if (r.status === 200) accepted.push(((await r.json()) as any).messages[0].id);
        } catch {
          return;
        } // the server is gone: this request's fate is unknown, so it does not count
      }
    });
    await waitFor(() => accepted.length >= 300, 30_000, "300 accepted sends");
    server.proc.kill("SIGKILL");
    await Promise.all(burst);
    const acceptedBeforeCrash = [...accepted];
    expect(acceptedBeforeCrash.length).toBeGreaterThanOrEqual(300);

    server = await spawnServer(env);
    const delivered = () =>
      new Set(
        receiver
          .statuses()
          .filter((s) => s.status === "delivered")
          .map((s) => s.id),
      );
    await waitFor(
      () => {
        const d = delivered();
        return acceptedBeforeCrash.every((id) => d.has(id));
      },
      60_000,
      "delivered statuses for every accepted message",
    );
    const sentStatuses = new Set(
      receiver
        .statuses()
        .filter((s) => s.status === "sent")
        .map((s) => s.id),
    );
    expect(acceptedBeforeCrash.filter((id) => !sentStatuses.has(id))).toEqual([]);
    expect(receiver.deliveries.every((d) => d.signatureOk)).toBe(true);
  }, 150_000);
});
