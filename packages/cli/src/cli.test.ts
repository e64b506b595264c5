import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// The openwaba command against a real server: it reads dev-credentials.json, talks HTTP through
// the SDK, prints results plainly and errors clearly.
const run = promisify(execFile);
let s: TestServer;
const cli = async (...args: string[]) => {
  try {
    const r = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "packages/cli/src/main.ts",
        "--url",
        s.url,
        "--credentials",
        join(s.dataDir, "dev-credentials.json"),
        ...args,
      ],
      { timeout: 30_000 },
    );
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e: any) {
    return { code: e.code as number, out: e.stdout as string, err: e.stderr as string };
  }
};

beforeAll(async () => {
  s = await startTestServer();
}, 60_000);
afterAll(() => s.stop());

describe("the openwaba command", () => {
  it("writes as a simulated customer, answers, and shows the phone", async () => {
    expect((await cli("sim", "say", "48600999000", "hello", "there")).out).toMatch(/^wamid\./);
    const sent = await cli("send", "48600999000", "Hi!", "How", "can", "we", "help?");
    expect(sent).toMatchObject({ code: 0, out: expect.stringMatching(/^wamid\./) });
    await waitFor(
      async () => (await cli("sim", "chat", "48600999000")).out.includes("← Hi! How can we help?") || undefined,
      10_000,
      "chat",
    );
  });

  it("says how to make a template when the WABA has none, makes them from options or Meta's JSON, approves at once when asked, and sends them", async () => {
    const empty = await cli("templates");
    expect(empty).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        /^No templates in this WABA yet\. Make one, e\.g\.:\n {2}npm run openwaba -- templates create /,
      ),
    });
    const made = await cli(
      "templates",
      "create",
      "pickup_ready",
      "--category",
      "utility",
      "--body",
      "Your order {{1}} is ready for pickup.",
      "--example",
      "860198",
      "--approve",
    );
    expect(made).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+ {2}pickup_ready {2}APPROVED UTILITY\n$/) });
    const t = await s.call("GET", `/${s.credentials.waba_id}/message_templates?name=pickup_ready`);
    expect(t.body.data[0]).toMatchObject({
      language: "en_US",
      components: [
        { type: "BODY", text: "Your order {{1}} is ready for pickup.", example: { body_text: [["860198"]] } },
      ],
    });
    // Named variables, a header with its example, a footer and quick replies; left to the review.
    const named = await cli(
      "templates",
      "create",
      "named_ready",
      "--category",
      "UTILITY",
      "--language",
      "pl",
      "--header",
      "Order {{order}}",
      "--header-example",
      "860198",
      "--body",
      "Hello {{first_name}}, your order {{order}} is ready.",
      "--example",
      "first_name=Ewa",
      "--example",
      "order=860198",
      "--footer",
      "Dev Shop",
      "--button",
      "Thanks",
      "--button",
      "Call me",
    );
    expect(named).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^\d+ {2}named_ready {2}PENDING UTILITY\nin review: /),
    });
    const n = (await s.call("GET", `/${s.credentials.waba_id}/message_templates?name=named_ready`)).body.data[0];
    expect(n).toMatchObject({ parameter_format: "NAMED", language: "pl" });
    expect(n.components.map((c: any) => c.type)).toEqual(["HEADER", "BODY", "FOOTER", "BUTTONS"]);
    // Meta's JSON from a file, its body replaced by --body.
    const file = join(s.dataDir, "notice.json");
    writeFileSync(
      file,
      JSON.stringify({
        category: "MARKETING",
        language: "en_US",
        components: [
          { type: "BODY", text: "old" },
          { type: "FOOTER", text: "Reply STOP to opt out" },
        ],
      }),
    );
    expect(
      (
        await cli(
          "templates",
          "create",
          "from_file",
          "--file",
          file,
          "--body",
          "Our spring sale starts today in every shop.",
          "--approve",
        )
      ).out,
    ).toMatch(/from_file {2}APPROVED MARKETING/);
    const listed = await cli("templates");
    expect(listed.out).toMatch(
      /^APPROVED +UTILITY +en_US +pickup_ready {2}"Your order \{\{1\}\} is ready for pickup\."$/m,
    );
    expect(listed.out).toMatch(/^PENDING +UTILITY +pl +named_ready/m);
    await cli("sim", "say", "48600999010", "hi");
    expect((await cli("template", "48600999010", "pickup_ready", "860198")).out).toMatch(/^wamid\./);
    await waitFor(
      async () =>
        (await cli("sim", "chat", "48600999010")).out.includes("← Your order 860198 is ready for pickup.") || undefined,
      10_000,
      "template on the phone",
    );
  });

  it("refuses a template it cannot describe, with the reason and no stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["--body", "Hi {{1}}, your order is ready."],
        /^error: --category is required: UTILITY, MARKETING, AUTHENTICATION\n$/,
      ],
      [
        ["--category", "PROMO", "--body", "x"],
        /^error: --category must be UTILITY, MARKETING, AUTHENTICATION, not "PROMO"\n$/,
      ],
      [
        ["--category", "UTILITY", "--body", "Hi {{1}}, your order {{2}} is ready.", "--example", "Ewa"],
        /^error: the body has 2 variable\(s\) \(\{\{1\}\}, \{\{2\}\}\): give one --example for each, in order\n$/,
      ],
      [
        ["--category", "UTILITY", "--body", "Hi {{name}}, it is ready.", "--example", "Ewa"],
        /^error: --example "Ewa": the body's variables have names, so write name=value\n$/,
      ],
      [["--category", "UTILITY"], /^error: a template needs a body/],
      [["--file", "/nonexistent.json"], /^error: \/nonexistent.json is not a JSON file: /],
      // The platform's own refusal, in Meta's words.
      [
        ["--category", "UTILITY", "--body", "{{1}} is ready for pickup today.", "--example", "860198"],
        /^error: .*start or end.* \(code 100\)\n$/,
      ],
    ];
    for (const [args, err] of cases) {
      const r = await cli("templates", "create", "refused_one", ...args);
      expect(r, args.join(" ")).toMatchObject({ code: 1, err: expect.stringMatching(err) });
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("shows interactive messages on the phone in words, not [object Object]", async () => {
    await cli("sim", "say", "48600999020", "hi");
    const list = {
      messaging_product: "whatsapp",
      to: "48600999020",
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "How did we do?" },
        action: {
          button: "Rate us",
          sections: [
            {
              title: "Scores",
              rows: [
                { id: "5", title: "Excellent" },
                { id: "1", title: "Poor" },
              ],
            },
          ],
        },
      },
    };
    expect((await s.call("POST", `/${s.phone}/messages`, list)).status).toBe(200);
    const buttons = {
      messaging_product: "whatsapp",
      to: "48600999020",
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Track it?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "yes", title: "Yes" } },
            { type: "reply", reply: { id: "no", title: "No" } },
          ],
        },
      },
    };
    expect((await s.call("POST", `/${s.phone}/messages`, buttons)).status).toBe(200);
    const chat = await waitFor(
      async () => {
        const r = await cli("sim", "chat", "48600999020");
        return r.out.includes("[Yes] [No]") ? r.out : undefined;
      },
      10_000,
      "buttons on the phone",
    );
    expect(chat).toContain("← How did we do?");
    expect(chat).toContain("    [Rate us]\n      - Excellent\n      - Poor\n");
    expect(chat).not.toContain("[object Object]");
    expect((await cli("sim", "chat", "48600999099")).code).toBe(1); // no such simulated user: an error, not an empty chat
  });

  it("makes an API key for the business's own systems", async () => {
    const r = await cli("api-keys", "create", "Back office");
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^owk_\S+\n$/) });
    const res = await fetch(`${s.url}/suite/api/contacts`, { headers: { authorization: `Bearer ${r.out.trim()}` } });
    expect(res.status).toBe(200);
  });

  it("imports contacts from a CSV with a report naming bad lines (exit code 2)", async () => {
    const file = join(s.dataDir, "contacts.csv");
    writeFileSync(file, "phone,name,tags\n600 100 200,Ola,vip\nnope,Bad,\n");
    const r = await cli("contacts", "import", file, "--default-country", "PL");
    expect(r.code).toBe(2);
    expect(r.out).toContain("2 rows: 1 contacts (0 duplicates merged), 1 rows with errors; 1 created, 0 updated");
    expect(r.out).toContain("line 3:");
  });

  it("imports a semicolon-separated file with a stray quote, and refuses a binary file (exit code 1, no stack trace)", async () => {
    const file = join(s.dataDir, "excel.csv");
    writeFileSync(file, 'phone;name;tags\n600 100 201;Ewa;vip\n600 100 202;Broken "quote;vip\n600 100 203;Jan;vip\n');
    const r = await cli("contacts", "import", file, "--default-country", "PL");
    expect(r).toMatchObject({
      code: 2,
      out: expect.stringContaining(
        "3 rows: 2 contacts (0 duplicates merged), 1 rows with errors; 2 created, 0 updated",
      ),
    });
    expect(r.out).toContain("read as semicolon-separated");
    expect(r.out).toMatch(/line 3: a quote \("\) in the middle of the "name" column/);
    const binary = join(s.dataDir, "contacts.xlsx");
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
    const refused = await cli("contacts", "import", binary);
    expect(refused).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^error: This is not a CSV file: it holds binary data .* \(not_text\)/),
    });
  });

  it("imports, lists and exports flows as files, and posts the business's events", async () => {
    const file = join(s.dataDir, "welcome.flow.json");
    const doc = {
      name: "Shipped",
      trigger: { type: "event", event: "order_shipped" },
      start: "tag",
      nodes: { tag: { type: "set", tags: { add: ["shipped"] } } },
    };
    writeFileSync(file, JSON.stringify(doc));
    const imported = await cli("flows", "import", file, "--publish");
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/Shipped {2}version 1 \(live\)/) });
    expect((await cli("flows", "list")).out).toMatch(/on +v1\/1 +event +Shipped/);
    const out = join(s.dataDir, "exported.json");
    expect((await cli("flows", "export", "Shipped", "-o", out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject(doc);
    expect((await cli("flows", "event", "order_shipped", "+48600999001", "--data", '{"order":"1"}')).out).toMatch(
      /^started run /,
    );
    writeFileSync(file, JSON.stringify({ ...doc, start: "nowhere" }));
    const bad = await cli("flows", "import", file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('start: there is no node "nowhere"');
  });

  it("creates a campaign with its estimate, sends it and follows it to the end", async () => {
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "cli_notice",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "BODY", text: "Hello {{1}}, your parcel is on its way.", example: { body_text: [["Ewa"]] } },
      ],
    });
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    const list = join(s.dataDir, "numbers.txt");
    writeFileSync(list, "+48600999101\n+48600999102\n+48600999102\n123\n");
    const created = await cli(
      "campaign",
      "create",
      "--name",
      "CLI",
      "--template",
      "cli_notice",
      "--param",
      "{{contact.name|friend}}",
      "--phones",
      list,
      "--mps",
      "10",
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(
      /^draft [0-9a-f-]{36}\nrecipients: 2 \(left out: 1 duplicate, 1 invalid number\)\ncost: /,
    );
    const id = created.out.split("\n")[0].slice(6);
    const sent = await cli("campaign", "send", id);
    expect(sent.out).toContain("running: 2 recipients");
    expect(sent.out).toMatch(/completed\n {2}2\/2 sent/);
    expect((await cli("campaign", "status")).out).toContain(`${id}  CLI  completed`);
    // A campaign by its name: the newest of that name.
    expect((await cli("campaign", "status", "CLI")).out).toContain(`${id}  CLI  completed`);
    expect(await cli("campaign", "status", "No such campaign")).toMatchObject({
      code: 1,
      err: 'error: no campaign has the id or name "No such campaign" (campaign status lists them)\n',
    });
    // From the credentials' first number, like every other command; --phone names another.
    const from = await s.store.db
      .selectFrom("messages")
      .select("phone_number_id")
      .where("wa_id", "=", "48600999101")
      .where("direction", "=", "out")
      .execute();
    expect(from.map((m) => m.phone_number_id)).toEqual([s.credentials.phone_number_ids[0]]);
    const second = s.credentials.phone_number_ids[1];
    const other = await cli(
      "--phone",
      second,
      "campaign",
      "create",
      "--name",
      "CLI 2",
      "--template",
      "cli_notice",
      "--param",
      "{{contact.name|friend}}",
      "--phones",
      list,
    );
    expect(other.code).toBe(0);
    const draft = await s.store.db
      .selectFrom("suite_campaigns")
      .select("phone_number_id")
      .where("id", "=", other.out.split("\n")[0].slice(6))
      .executeTakeFirstOrThrow();
    expect(draft.phone_number_id).toBe(second);
    const refused = await cli("campaign", "create", "--name", "x", "--template", "nope");
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining("[template.name] (invalid_request)") });
  });

  it("explains errors plainly: the Cloud API's refusal, a missing credentials file", async () => {
    const bad = await cli("send", "not-a-number", "x");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: .*\(code 100\)/);
    const r = await run(process.execPath, [
      "--import",
      "tsx",
      "packages/cli/src/main.ts",
      "--credentials",
      "/nonexistent.json",
      "templates",
    ]).catch((e) => e);
    expect(r.stderr).toMatch(/error: no credentials: \/nonexistent.json does not exist/);
  });
});
