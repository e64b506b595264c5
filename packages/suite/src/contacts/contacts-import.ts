import { SuiteError } from "../errors";
import { suiteTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { contactFromRow, hasPhoneColumn, type ContactInput } from "./contact-row";
import { saveContact } from "./commands/save-contact";
import { WHATSAPP_PREFERENCE } from "./consent";
import { CsvFileError, CsvReader, type CsvItem, type Separator } from "./csv-reader";

// A CSV import: every row checked (its real line named, in plain words, when wrong — a row that
// cannot be read costs that row, not the file), numbers normalised to E.164 and deduplicated (a
// later row for the same number merges into the earlier one); a dry run answers the same report
// and a preview without writing anything. A file that is not a contacts CSV at all (binary, not
// UTF-8, empty, no phone column) is refused as a whole, before anything is written.

/** Bounded however the file looks: 50 MB, 100,000 rows, 64 KB and 200 columns a row. */
const MAX_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 100_000;
const MAX_RECORD = 64 * 1024;
const MAX_COLUMNS = 200;
const MAX_ERRORS = 1000;

export interface ImportReport {
  dry_run: boolean;
  separator: Separator;
  rows: number;
  valid: number;
  contacts: number;
  duplicates: number;
  created: number;
  updated: number;
  /** Contacts the file grants consent to who stopped marketing messages in WhatsApp: theirs stays withdrawn. */
  stopped_in_whatsapp: number;
  errors: { line: number; error: string }[];
  preview: ContactInput[];
}

const SEPARATOR_NAMES: Record<Separator, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** A later row for the same number fills in what it states and keeps what it leaves empty. */
const mergeRows = (a: ContactInput, b: ContactInput): ContactInput => ({
  wa_id: a.wa_id,
  name: b.name ?? a.name,
  language: b.language ?? a.language,
  timezone: b.timezone ?? a.timezone,
  consent: b.consent ?? a.consent,
  tags: [...new Set([...a.tags, ...b.tags])],
  attributes: { ...a.attributes, ...b.attributes },
});

/** What cannot be read in a row, in the words of someone who edits spreadsheets. */
function problemWords(p: Extract<CsvItem, { kind: "problem" }>, header: string[]): string {
  const column = header[p.field] ? `the "${header[p.field]}" column` : `column ${p.field + 1}`;
  switch (p.problem) {
    case "stray_quote":
      return `a quote (") in the middle of ${column}: put the whole value in quotes and write the quote twice (""), or remove it`;
    case "text_after_quote":
      return `${column} has text after its closing quote: put the whole value in quotes`;
    case "unclosed_quote":
      return `a quote (") opens ${column} and nothing closes it: close it or remove it (the lines after it were read as rows of their own)`;
    case "too_long":
      return `the row is longer than ${MAX_RECORD / 1024} KB`;
  }
}

async function* bounded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    if (bytes > MAX_BYTES) throw new SuiteError(413, "too_large", `Import files up to ${MAX_BYTES / 1024 / 1024} MB.`);
    yield chunk;
  }
}

/** Reads and checks the whole file: the contacts it holds (by number), and what is wrong, by line. */
export async function readContactsFile(source: AsyncIterable<Uint8Array>, defaultCountry?: string) {
  const reader = new CsvReader(bounded(source), MAX_RECORD);
  const seen = new Map<string, ContactInput>();
  const errors: { line: number; error: string }[] = [];
  const fail = (line: number, error: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, error });
  };
  let header: string[] | null = null;
  let rows = 0,
    duplicates = 0;
  try {
    for await (const item of reader.items()) {
      if (!header) {
        if (item.kind === "problem")
          throw new SuiteError(
            400,
            "invalid_csv",
            `The first line (the column names) cannot be read: ${problemWords(item, [])}.`,
          );
        header = item.fields.map((h) => h.trim());
        if (header.length > MAX_COLUMNS)
          throw new SuiteError(
            400,
            "too_many_columns",
            `The first line names ${header.length} columns; import at most ${MAX_COLUMNS}.`,
          );
        if (!hasPhoneColumn(header)) {
          throw new SuiteError(
            400,
            "no_phone_column",
            `The first line names no phone column (phone, wa_id or number). Read as ${SEPARATOR_NAMES[reader.separator!]}-separated, it names: ${header
              .slice(0, 10)
              .map((h) => `"${h}"`)
              .join(", ")}${header.length > 10 ? ", …" : ""}.`,
          );
        }
        continue;
      }
      if (++rows > MAX_ROWS)
        throw new SuiteError(413, "too_large", `Import at most ${MAX_ROWS.toLocaleString("en")} contacts per file.`);
      if (item.kind === "problem") {
        fail(item.line, problemWords(item, header));
        continue;
      }
      const extra = item.fields.slice(header.length);
      // Empty cells after the last column are what spreadsheets write; a value there is a row out of shape.
      if (extra.some((f) => f !== "")) {
        const sep = SEPARATOR_NAMES[reader.separator!];
        fail(
          item.line,
          `${item.fields.length} columns, but the first line names ${header.length}: is there a ${sep} inside a value? Put that value in quotes`,
        );
        continue;
      }
      const r = contactFromRow(Object.fromEntries(header.map((h, i) => [h, item.fields[i] ?? ""])), defaultCountry);
      if (!r.ok) {
        fail(item.line, r.error);
        continue;
      }
      const prev = seen.get(r.contact.wa_id);
      if (prev) duplicates++;
      seen.set(r.contact.wa_id, prev ? mergeRows(prev, r.contact) : r.contact);
    }
  } catch (err) {
    if (err instanceof CsvFileError) {
      throw err.code === "not_text"
        ? new SuiteError(
            400,
            "not_text",
            `This is not a CSV file: it holds binary data (line ${err.line}). If it is a spreadsheet, save it as "CSV UTF-8" and import that file.`,
          )
        : new SuiteError(
            400,
            "not_utf8",
            `The file is not UTF-8 text: line ${err.line} has a character in another encoding. Save it as "CSV UTF-8" (Excel: Save As, CSV UTF-8) and import it again.`,
          );
    }
    throw err;
  }
  if (!header)
    throw new SuiteError(
      400,
      "empty_file",
      "The file is empty: its first line names the columns (phone, name, …), each line after it is a contact.",
    );
  return { separator: reader.separator!, rows, duplicates, contacts: seen, errors };
}

/** Imports a file of contacts for a tenant (or only reports, on a dry run). */
export async function importContacts(
  suite: Suite,
  tenantId: string,
  source: AsyncIterable<Uint8Array>,
  o: { dryRun: boolean; defaultCountry?: string },
): Promise<ImportReport> {
  const file = await readContactsFile(source, o.defaultCountry);
  const list = [...file.contacts.values()];
  // The consent model keeps a customer's STOP in WhatsApp over the file's "yes": say how many.
  let stopped = 0;
  const granted = list.filter((c) => c.consent === "granted").map((c) => c.wa_id);
  for (let i = 0; i < granted.length; i += 500) {
    const r = await suite.db
      .selectFrom("suite_contacts")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .where("wa_id", "in", granted.slice(i, i + 500))
      .where("marketing_consent", "=", "revoked")
      .where("consent_source", "=", WHATSAPP_PREFERENCE)
      .executeTakeFirstOrThrow();
    // …and those whose contact was deleted after their STOP: a contact made again for them is stopped too.
    const gone = await suite.db
      .selectFrom("suite_whatsapp_stops")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .where("wa_id", "in", granted.slice(i, i + 500))
      .executeTakeFirstOrThrow();
    stopped += Number(r.n) + Number(gone.n);
  }
  let created = 0,
    updated = 0;
  if (!o.dryRun) {
    for (let i = 0; i < list.length; i += 500) {
      await suiteTransaction(suite, async (tx) => {
        for (const c of list.slice(i, i + 500))
          (await saveContact(suite, tx, { tenantId, contact: c, source: "csv_import" })).created
            ? created++
            : updated++;
      });
    }
  }
  return {
    dry_run: o.dryRun,
    separator: file.separator,
    rows: file.rows,
    valid: list.length + file.duplicates,
    contacts: list.length,
    duplicates: file.duplicates,
    created,
    updated,
    stopped_in_whatsapp: stopped,
    errors: file.errors,
    preview: list.slice(0, 10),
  };
}
