import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvFileError, CsvReader, type CsvItem } from "./csv-reader";

/** The file's items and separator, read from chunks of `size` bytes (the whole at once by default). */
async function read(
  file: string | Buffer,
  o: { size?: number; max?: number } = {},
): Promise<{ separator: string | null; items: CsvItem[] }> {
  const bytes = typeof file === "string" ? Buffer.from(file) : file;
  const size = o.size ?? bytes.length;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const reader = new CsvReader(chunks(), o.max);
  const items: CsvItem[] = [];
  for await (const item of reader.items()) items.push(item);
  return { separator: reader.separator, items };
}
const records = (items: CsvItem[]) =>
  items.map((i) => (i.kind === "record" ? [i.line, ...i.fields] : [i.line, i.problem, i.field]));

describe("reading a CSV file", () => {
  it("finds the separator from the first line: comma, semicolon (Excel in PL, DE, IT, ES), tab, or Excel's sep= line", async () => {
    expect(await read("phone;name;tags\n+48600100200;Ola;vip\n")).toEqual({
      separator: ";",
      items: [
        { kind: "record", line: 1, fields: ["phone", "name", "tags"] },
        { kind: "record", line: 2, fields: ["+48600100200", "Ola", "vip"] },
      ],
    });
    expect((await read("phone\tname\n+48600100200\tOla, Kowalska\n")).items[1]).toMatchObject({
      fields: ["+48600100200", "Ola, Kowalska"],
    });
    expect((await read('"phone;x",name\n1,2\n')).separator).toBe(","); // a separator inside quotes does not count
    expect((await read("phone\n+48600100200\n")).separator).toBe(",");
    expect(records((await read("sep=;\r\nphone;name\r\n+48600100200;Ola\r\n")).items)).toEqual([
      [2, "phone", "name"],
      [3, "+48600100200", "Ola"],
    ]);
  });

  it("reads quoted separators, doubled quotes and line breaks, and names each record's real line", async () => {
    const file =
      '\nphone,name,note\r\n\r\n+48600100200,"Kowalska, Ola","says ""hi""\nand bye"\n   \n,,\n+48600100201, Jan ,  "x"  \n';
    expect(records((await read(file)).items)).toEqual([
      [2, "phone", "name", "note"],
      [4, "+48600100200", "Kowalska, Ola", 'says "hi"\nand bye'],
      [8, "+48600100201", "Jan", "x"],
    ]);
  });

  it("names the line of a stray quote and reads on", async () => {
    expect(records((await read('phone,name\n+48600100200,Broken "quote\n+48600100201,Ola\n')).items)).toEqual([
      [1, "phone", "name"],
      [2, "stray_quote", 1],
      [3, "+48600100201", "Ola"],
    ]);
    expect(records((await read('phone,name\n+48600100200,"Anna" Nowak\n+48600100201,Ola\n')).items)).toEqual([
      [1, "phone", "name"],
      [2, "text_after_quote", 1],
      [3, "+48600100201", "Ola"],
    ]);
  });

  it("names the line where an unclosed quote opens and reads on from the next line", async () => {
    const file =
      'phone,name\n+48600100200,"Two\nlines"\n+48600100201,"never closed\n+48600100202,Ola\n+48600100203,Jan\n';
    expect(records((await read(file)).items)).toEqual([
      [1, "phone", "name"],
      [2, "+48600100200", "Two\nlines"],
      [4, "unclosed_quote", 1],
      [5, "+48600100202", "Ola"],
      [6, "+48600100203", "Jan"],
    ]);
    // Within the bound of a record, however long the rest of the file is.
    const long = `phone,name\n+48600100201,"never closed\n${Array.from({ length: 50 }, (_, i) => `+486001002${String(i).padStart(2, "0")},Name ${i}`).join("\n")}\n`;
    const r = records((await read(long, { max: 200, size: 64 })).items);
    expect(r.slice(0, 3)).toEqual([
      [1, "phone", "name"],
      [2, "unclosed_quote", 1],
      [3, "+48600100200", "Name 0"],
    ]);
    expect(r).toHaveLength(52);
  });

  it("names a line longer than a record may be, and reads on", async () => {
    const file = `phone,name\n+48600100200,${"x".repeat(500)}\n+48600100201,Ola\n`;
    expect(records((await read(file, { max: 100, size: 16 })).items)).toEqual([
      [1, "phone", "name"],
      [2, "too_long", 1],
      [3, "+48600100201", "Ola"],
    ]);
  });

  it("reads the same whatever the chunks the file arrives in", async () => {
    const file =
      'sep=;\r\nphone;name;note\r\n+48600100200;"Kowalska; Ola";"a\r\nb"\r\n+48600100201;Bro"ken;x\r\n\r\n+48600100202;"open\r\n+48600100203;Jan;\r\n';
    const whole = await read(file);
    for (const size of [1, 2, 3, 7]) expect(await read(file, { size })).toEqual(whole);
    expect(records(whole.items)).toEqual([
      [2, "phone", "name", "note"],
      [3, "+48600100200", "Kowalska; Ola", "a\r\nb"],
      [5, "stray_quote", 1],
      [7, "unclosed_quote", 1],
      [8, "+48600100203", "Jan", ""],
    ]);
  });

  it("reads back any rows written by the rules, whatever the chunks", async () => {
    const piece = fc.oneof(
      fc.constantFrom(",", ";", '"', "\n", "\r\n", "\r", " ", "\t", "ł", "😀"),
      fc.string({ unit: "grapheme", maxLength: 3 }),
    );
    const field = fc
      .array(piece, { maxLength: 4 })
      .map((p) => p.join(""))
      .filter((f) => !/[\0\uFFFD]/.test(f));
    const quoted = (f: string) => (/[",;\t\r\n]|^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field, field), { maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        async (rows, size) => {
          const file = ["a,b,c", ...rows.map((r) => r.map(quoted).join(","))].join("\r\n");
          const { items } = await read(file, { size });
          expect(items.map((i) => (i.kind === "record" ? i.fields : i))).toEqual([
            ["a", "b", "c"],
            ...rows.filter((r) => r.some((f) => f !== "")),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads UTF-8 with a byte order mark, and UTF-16 with one (Excel's Unicode text)", async () => {
    expect(
      (
        await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("phone;name\n+48600100200;Łucja\n")]), {
          size: 2,
        })
      ).items[0],
    ).toMatchObject({ fields: ["phone", "name"] });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("phone\tname\r\n+48600100200\tŁucja\r\n", "utf16le"),
    ]);
    expect(records((await read(utf16, { size: 5 })).items)).toEqual([
      [1, "phone", "name"],
      [2, "+48600100200", "Łucja"],
    ]);
  });

  it("refuses what is not text: binary data, or bytes that are not UTF-8 (naming the line)", async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    await expect(read(zip)).rejects.toMatchObject({ code: "not_text", line: 1 });
    const cp1250 = Buffer.concat([
      Buffer.from("phone,name\n+48600100200,Ola\n+48600100201,"),
      Buffer.from([0xb3, 0x75, 0x63, 0x6a, 0x61]),
      Buffer.from("\n"),
    ]);
    const err = await read(cp1250, { size: 4 }).catch((e) => e);
    expect(err).toBeInstanceOf(CsvFileError);
    expect(err).toMatchObject({ code: "not_utf8", line: 3 });
  });
});
