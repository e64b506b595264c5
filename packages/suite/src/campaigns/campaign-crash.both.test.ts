import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  serverProcessEnv,
  signIn,
  spawnServer,
  stopServer,
  useCleanup,
  waitFor,
  type TestServer,
} from "@openwaba/server/testing";

// kill -9 in the middle of a campaign: after a restart the campaign finishes, and no customer gets
// the message twice. A send whose answer died with the process is never repeated: its status
// webhook (the send carried the recipient in its callback data) settles it, or it counts as failed.
const cleanup = useCleanup();
const RECIPIENTS = 240; // within the first messaging tier (250)
const wa = (i: number) => `4860093${String(i).padStart(4, "0")}`;

describe("a campaign killed mid-way", () => {
  it("resumes after a restart without sending anyone twice", async () => {
    const { env, dataDir } = await serverProcessEnv(cleanup, {
      dataDirPrefix: "openwaba-campaign-crash-",
      env: { OPENWABA_CAMPAIGN_UNCONFIRMED_MS: "8000", OPENWABA_TEMPLATE_REVIEW_MS: "off" },
    });
    let server = await spawnServer(env);
    cleanup(async () => {
      await stopServer(server.proc);
    });
    const { creds } = server;
    const graph = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${creds.access_token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const phone = creds.phone_number_ids[0];
    const t = await graph("POST", `/${creds.graph_version}/${creds.waba_id}/message_templates`, {
      name: "stock_alert",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "BODY", text: "Hello {{1}}, your item is back in stock.", example: { body_text: [["Ewa"]] } },
      ],
    });
    expect(t.body).toMatchObject({ status: "PENDING" });
    expect((await graph("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" })).body).toMatchObject({
      status: "APPROVED",
    });
    for (let i = 0; i < RECIPIENTS; i += 20)
      await Promise.all(
        Array.from({ length: Math.min(20, RECIPIENTS - i) }, (_, k) =>
          graph("POST", "/simulator/users", { wa_id: wa(i + k), on_whatsapp: true }),
        ),
      );
    // The console's login is written once the suite is wired, a moment after the server answers.
    const login = await waitFor(
      () => {
        const c = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8"));
        return c.console_password ? c : null;
      },
      10_000,
      "console login",
    );
    let admin = await signIn({ url: server.url } as TestServer, login.console_email, login.console_password);
    const csv = [
      "phone,name,tags",
      ...Array.from({ length: RECIPIENTS }, (_, i) => `+${wa(i)},Client ${i},crash`),
    ].join("\n");
    expect(
      (
        await fetch(`${server.url}/suite/api/contacts/import`, {
          method: "POST",
          headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
          body: csv,
        })
      ).status,
    ).toBe(200);
    const made = await admin.call("POST", "/suite/api/campaigns", {
      name: "Restock",
      phone_number_id: phone,
      template: { name: "stock_alert", language: "en_US", parameters: ["{{contact.name}}"] },
      audience: { segment: { tag: "crash" } },
    });
    expect(made.body).toMatchObject({ state: "draft" });
    const id = made.body.id;
    expect((await admin.call("POST", `/suite/api/campaigns/${id}/send`)).status).toBe(200);
    const before = await waitFor(
      async () => {
        const p = (await admin.call("GET", `/suite/api/campaigns/${id}`)).body.progress;
        return p?.sent >= 40 ? p : null;
      },
      20_000,
      "a part sent",
    );
    server.proc.kill("SIGKILL");
    expect(before.sent).toBeLessThan(RECIPIENTS); // killed in the middle
    await new Promise((r) => server.proc.once("exit", r));

    server = await spawnServer(env);
    admin = await waitFor(
      () => signIn({ url: server.url } as TestServer, login.console_email, login.console_password).catch(() => null),
      10_000,
      "sign-in after the restart",
    );
    const done = await waitFor(
      async () => {
        const c = (await admin.call("GET", `/suite/api/campaigns/${id}`)).body;
        return c.state === "completed" ? c : null;
      },
      40_000,
      "completed after the restart",
    );
    expect(done.progress.sent + done.progress.failed).toBe(RECIPIENTS);
    const counts = await Promise.all(
      Array.from(
        { length: RECIPIENTS },
        async (_, i) =>
          ((await graph("GET", `/simulator/users/${wa(i)}/chats/${phone}`)).body.messages as any[]).filter(
            (m) => m.direction === "received",
          ).length,
      ),
    );
    expect(Math.max(...counts)).toBe(1);
    // Every customer the campaign counts as sent got it; a late status puts right a send first counted as lost.
    const got = counts.filter((n) => n === 1).length;
    await waitFor(
      async () => (await admin.call("GET", `/suite/api/campaigns/${id}`)).body.progress.sent === got,
      20_000,
      "statuses settled",
    );
    const failed = (await admin.call("GET", `/suite/api/campaigns/${id}/recipients?state=failed&limit=1000`)).body.data;
    for (const f of failed) expect(f.error.code).toBe("unconfirmed"); // only sends whose fate died with the process
    expect(failed.length).toBeLessThanOrEqual(64);
    expect(server.output()).not.toMatch(/deadlock/);
  }, 120_000);
});
