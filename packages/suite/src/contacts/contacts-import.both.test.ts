import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAdmin, startTestServer, type SuiteSession, type TestServer } from "@openwaba/server/testing";

// CSV imports of files as real spreadsheets write them: one bad line costs that line (named, in
// plain words), semicolon- and tab-separated files are read as such, and what is not a contacts
// CSV at all is refused before anything is written.
let s: TestServer;
let admin: SuiteSession;
const csv = async (file: string | Buffer, q = "") => {
  const r = await fetch(`${s.url}/suite/api/contacts/import${q}`, {
    method: "POST",
    headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
    body: file,
  });
  return { status: r.status, body: (await r.json()) as any };
};
const contact = async (wa: string) => (await admin.call("GET", `/suite/api/contacts?q=${wa}`)).body.data[0];
const total = async () => (await admin.call("GET", "/suite/api/contacts")).body.total as number;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("importing contacts from real files", () => {
  it("reports a line with a stray quote in plain words, with its real line number, and imports the rest", async () => {
    const file =
      'phone,name,tags\n+48600400001,Ola,vip\n+48600400002,Broken "quote,vip\n+48600400003,"Jan ""Janek"" Nowak",vip\n';
    const r = await csv(file);
    expect(r).toMatchObject({
      status: 200,
      body: {
        rows: 3,
        contacts: 2,
        created: 2,
        errors: [
          {
            line: 3,
            error: expect.stringMatching(
              /^a quote \("\) in the middle of the "name" column: put the whole value in quotes/,
            ),
          },
        ],
      },
    });
    expect(r.body.errors[0].error).not.toMatch(/Invalid|Opening/);
    expect((await contact("48600400003")).name).toBe('Jan "Janek" Nowak');
  });

  it("reads an unclosed quote as a problem of its line and reads on from the next one", async () => {
    const r = await csv('phone,name\n+48600400011,"never closed\n+48600400012,Ewa\n', "?dry_run=true");
    expect(r.body).toMatchObject({
      rows: 2,
      contacts: 1,
      errors: [{ line: 2, error: expect.stringMatching(/opens the "name" column and nothing closes it/) }],
    });
  });

  it("detects semicolon-separated files (Excel in PL, DE, IT, ES), with Excel's sep= line or without, and tab-separated ones", async () => {
    const semi = await csv(
      "\uFEFFphone;name;tags;consent\r\n600 400 021;Łucja;vip, newsletter;tak\r\n",
      "?default_country=PL",
    );
    expect(semi.body).toMatchObject({ separator: ";", rows: 1, created: 1, errors: [] });
    expect(await contact("48600400021")).toMatchObject({
      name: "Łucja",
      tags: ["vip", "newsletter"],
      consent: { marketing: "granted" },
    });
    expect((await csv("sep=;\nphone;name\n+49151400022;Jürgen\n")).body).toMatchObject({
      separator: ";",
      created: 1,
      errors: [],
    });
    expect((await csv("phone\tname\n+39340400023\tGiulia, Rossi\n")).body).toMatchObject({
      separator: "\t",
      created: 1,
      errors: [],
    });
    expect((await contact("39340400023")).name).toBe("Giulia, Rossi");
  });

  it("reports a row with too many columns as that, not as a consent error, and accepts a spreadsheet's empty cells after the last column", async () => {
    const r = await csv(
      "phone,name,consent\n+48600400031,Ola,yes,columns,extra\n+48600400032,Jan,no,,\n",
      "?dry_run=true",
    );
    expect(r.body.errors).toEqual([
      {
        line: 2,
        error: expect.stringMatching(
          /^5 columns, but the first line names 3: is there a comma inside a value\? Put that value in quotes/,
        ),
      },
    ]);
    expect(r.body).toMatchObject({ rows: 2, contacts: 1 });
  });

  it("refuses a binary file, a file that is not UTF-8, an empty one and one with no phone column, writing nothing", async () => {
    const before = await total();
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(await csv(xlsx)).toMatchObject({
      status: 400,
      body: { error: { code: "not_text", message: expect.stringMatching(/not a CSV file.*binary data.*CSV UTF-8/) } },
    });
    const cp1250 = Buffer.concat([
      Buffer.from("phone,name\n+48600400041,Ola\n+48600400042,"),
      Buffer.from([0xa3, 0x75, 0x63, 0x6a, 0x61]),
      Buffer.from("\n"),
    ]);
    expect(await csv(cp1250)).toMatchObject({
      status: 400,
      body: { error: { code: "not_utf8", message: expect.stringMatching(/line 3/) } },
    });
    expect(await csv("\n\n")).toMatchObject({ status: 400, body: { error: { code: "empty_file" } } });
    expect(await csv("name|city\nOla|Kraków\n")).toMatchObject({
      status: 400,
      body: { error: { code: "no_phone_column", message: expect.stringMatching(/names: "name\|city"/) } },
    });
    expect(await total()).toBe(before);
  });

  it("keeps the bounds: a row longer than 64 KB is reported and the rest imported; at most 200 columns", async () => {
    const r = await csv(`phone,name\n+48600400051,${"x".repeat(70 * 1024)}\n+48600400052,Ewa\n`, "?dry_run=true");
    expect(r.body).toMatchObject({
      rows: 2,
      contacts: 1,
      errors: [{ line: 2, error: "the row is longer than 64 KB" }],
    });
    const wide = await csv(`phone,${Array.from({ length: 200 }, (_, i) => `c${i}`).join(",")}\n+48600400053\n`);
    expect(wide).toMatchObject({ status: 400, body: { error: { code: "too_many_columns" } } });
  });
});
