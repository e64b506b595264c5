import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, signIn, spawnServer, stopServer, waitFor, type TestServer } from "@openwaba/server/testing";

// kill -9 in the middle of flows: a run waiting for a reply, a run in the middle of a call to the
// business's system, and a run waiting an hour all go on after a restart, from where they were.
// (SQLite: a restart frees the dead process's claims at once; on PostgreSQL they wait out their
// visibility timeout, as they would for another node.)
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe("flows killed mid-way", () => {
  it("resume after a restart where each run was", async () => {
    const calls: string[] = [];
    const shop = createServer((req, res) => {
      calls.push(req.url ?? "");
      setTimeout(
        () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ slot: "10:00" })),
        1500,
      );
    });
    await new Promise<void>((r) => shop.listen(0, "127.0.0.1", r));
    cleanup.push(() => {
      shop.close();
    });
    const shopUrl = `http://127.0.0.1:${(shop.address() as { port: number }).port}`;
    const dataDir = mkdtempSync(join(tmpdir(), "openwaba-flow-crash-"));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      PORT: String(await freePort()),
      OPENWABA_DATA_DIR: dataDir,
      OPENWABA_SIM_LATENCY: "zero",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      OPENWABA_CLAIM_TIMEOUT_MS: "3000",
    };
    let server = await spawnServer(env);
    cleanup.push(async () => {
      await stopServer(server.proc);
    });
    const { creds } = server;
    const phone = creds.phone_number_ids[0];
    const login = await waitFor(
      () => {
        const c = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8"));
        return c.console_password ? c : null;
      },
      10_000,
      "console login",
    );
    const admin = async () =>
      waitFor(
        () => signIn({ url: server.url } as TestServer, login.console_email, login.console_password).catch(() => null),
        20_000,
        "sign-in",
      );
    const sim = async (method: string, path: string, body?: unknown) =>
      (
        await fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${creds.access_token}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json() as Promise<any>;
    const wa = "48600940001";
    const say = (text: string) =>
      sim("POST", `/simulator/users/${wa}/messages`, { to: phone, type: "text", text: { body: text } });
    const received = async () =>
      ((await sim("GET", `/simulator/users/${wa}/chats/${phone}`)).messages as any[])
        .filter((m) => m.direction === "received")
        .map((m) => m.content.body ?? m.content.body?.text);
    const restart = async () => {
      server.proc.kill("SIGKILL");
      await new Promise((r) => server.proc.once("exit", r));
      server = await spawnServer(env);
    };

    let a = await admin();
    const runOf = async () => {
      const c = (await a.call("GET", "/suite/api/conversations?state=all")).body.data.find((x: any) => x.wa_id === wa);
      const started =
        c &&
        (await a.call("GET", `/suite/api/conversations/${c.id}`)).body.timeline.find(
          (i: any) => i.type === "bot_started",
        );
      return started ? (await a.call("GET", `/suite/api/flow-runs/${started.data.run_id}`)).body : {};
    };
    expect(
      (
        await a.call("POST", "/suite/api/flows", {
          publish: true,
          document: {
            name: "Booking",
            trigger: { type: "keyword", keywords: ["book"] },
            start: "when",
            nodes: {
              when: {
                type: "ask",
                prompt: { text: "Which day?" },
                validate: { type: "date" },
                save_as: "day",
                next: "reserve",
              },
              reserve: {
                type: "http",
                method: "POST",
                url: `${shopUrl}/slots/{{attr.day}}`,
                save: { "attr.slot": "body.slot" },
                next: "booked",
              },
              booked: { type: "send", message: { text: "Booked: {{attr.day}} at {{attr.slot}}." }, next: "later" },
              later: { type: "wait", duration: "1h", next: "remind" },
              remind: { type: "end", message: "Reminder: see you on {{attr.day}}." },
            },
          },
        })
      ).status,
    ).toBe(201);
    await sim("POST", "/simulator/users", { wa_id: wa, name: "Ewa" });
    await say("book");
    await waitFor(async () => (await received()).length === 1, 10_000, "question");
    // Killed once the run is stored as waiting (killed between its message and that, it would ask
    // again on restart: flows are at least once).
    await waitFor(async () => (await runOf()).waiting === "reply", 10_000, "waiting for the answer");

    // 1. Killed while the run waits for a reply.
    await restart();
    await say("24.12.2026");
    // 2. Killed during the call to the shop (it answers after 1.5 s).
    await waitFor(() => calls.length === 1, 10_000, "the shop called");
    await restart();
    await waitFor(
      async () => (await received()).includes("Booked: 2026-12-24 at 10:00."),
      20_000,
      "booked after the restart",
    );
    expect(calls.length).toBeGreaterThanOrEqual(2); // the interrupted call is made again (at least once)
    // 3. Killed while the run waits an hour.
    a = await admin();
    await waitFor(async () => (await runOf()).waiting === "timer", 10_000, "waiting an hour");
    await restart();
    await sim("POST", "/simulator/clock/advance", { ms: 3600_000 + 1000 });
    await waitFor(
      async () => (await received()).includes("Reminder: see you on 2026-12-24."),
      20_000,
      "reminder after the restart",
    );
    expect(await received()).toEqual([
      "Which day?",
      "Booked: 2026-12-24 at 10:00.",
      "Reminder: see you on 2026-12-24.",
    ]);
    a = await admin();
    expect((await runOf()).state).toBe("completed");
  }, 120_000);
});
