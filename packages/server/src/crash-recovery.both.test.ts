import { describe, expect, it } from "vitest";
import {
  serverProcessEnv,
  spawnServer,
  startWebhookReceiver,
  stopServer,
  useCleanup,
  waitFor,
} from "./testing/harness";

// A server killed with SIGKILL in the middle of a burst loses nothing: after a restart, every
// message it had accepted (answered 200) reaches its `delivered` status on the webhook.
const cleanup = useCleanup();

describe("crash recovery", () => {
  it("delivers every accepted message after kill -9 and a restart", async () => {
    const { env } = await serverProcessEnv(cleanup, {
      dataDirPrefix: "openwaba-crash-",
      env: { OPENWABA_THROUGHPUT_MPS: "100000" },
    });
    let server = await spawnServer(env);
    cleanup(async () => {
      await stopServer(server.proc);
    });
    const { creds } = server;
    const receiver = await startWebhookReceiver({ verifyToken: creds.verify_token, appSecret: creds.app_secret });
    cleanup(() => receiver.close());
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
