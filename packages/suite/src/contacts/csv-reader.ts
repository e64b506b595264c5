// A CSV file as real people's spreadsheets write it, read record by record as it streams in:
// comma, semicolon (Excel's default where the decimal mark is a comma: PL, DE, IT, ES…) or tab
// separated, found from the first line (or Excel's "sep=;" line); UTF-8 with or without a BOM, or
// UTF-16 with one; quoted fields that hold separators, doubled quotes and line breaks (RFC 4180).
// A record that cannot be read is a problem of its own line — named with the file's real line
// number — and reading goes on with the next line, so one stray quote costs one row, not the file.
// What is not a text file at all (NUL bytes, bytes that are not UTF-8) is refused as a whole.

import { TextDecoder } from "node:util";

export type Separator = "," | ";" | "\t";
export type CsvProblem =
  /** A quote in the middle of a field that does not start with one. */
  | "stray_quote"
  /** Text after the quote that closes a quoted field. */
  | "text_after_quote"
  /** A quote opens a field and nothing closes it (within the record's bound). */
  | "unclosed_quote"
  /** A line longer than the bound of a record. */
  | "too_long";
export type CsvItem =
  | { kind: "record"; line: number; fields: string[] }
  | { kind: "problem"; line: number; problem: CsvProblem; field: number };

/** The file as a whole is not CSV text. */
export class CsvFileError extends Error {
  constructor(
    readonly code: "not_text" | "not_utf8",
    readonly line: number,
  ) {
    super(code === "not_text" ? `binary data at line ${line}` : `not UTF-8 at line ${line}`);
  }
}

const SEPARATORS: Separator[] = [",", ";", "\t"];
/** An item, where reading goes on, the line breaks it passes, and whether the rest of that line is skipped. */
type Step =
  | { kind: "more" }
  | { kind: "end" }
  | { item: CsvItem; next: number; lines: number; after: "skip_line" | "none" };

export class CsvReader {
  separator: Separator | null = null;
  private buf = "";
  private pos = 0;
  private line = 1;
  private final = false;
  /** Discarding the rest of a line too long to read. */
  private skipping = false;

  constructor(
    private readonly source: AsyncIterable<Uint8Array>,
    private readonly maxRecord = 64 * 1024,
  ) {}

  async *items(): AsyncGenerator<CsvItem> {
    const chunks = this.decoded();
    const fill = async () => {
      const r = await chunks.next();
      if (r.done) {
        this.final = true;
        return;
      }
      this.buf = this.buf.slice(this.pos) + r.value;
      this.pos = 0;
    };
    // Steps over the line break at `pos` ("\r" last in the text so far may be half of a "\r\n").
    const lineBreak = async () => {
      while (this.buf[this.pos] === "\r" && this.pos + 1 >= this.buf.length && !this.final) await fill();
      this.consumeLineBreak();
    };
    for (;;) {
      if (this.skipping) {
        const nl = this.lineEnd(this.pos);
        if (nl === -1 && !this.final) {
          this.pos = this.buf.length;
          await fill();
          continue;
        }
        this.pos = nl === -1 ? this.buf.length : nl;
        await lineBreak();
        this.skipping = false;
        continue;
      }
      if (!this.separator) {
        const found = this.findSeparator();
        if (found === "more") {
          await fill();
          continue;
        }
        if (found === "end") return;
        if (found === "hint") {
          await lineBreak();
          continue;
        }
      }
      const step = this.record();
      if ("kind" in step) {
        if (step.kind === "end") return;
        await fill();
        continue;
      }
      const { item, next, lines, after } = step;
      this.pos = next;
      this.line += lines;
      if (after === "skip_line") this.skipping = true;
      // Lines of nothing but separators (what a spreadsheet writes for its empty rows) are not rows.
      if (item.kind === "problem" || item.fields.some((f) => f !== "")) yield item;
    }
  }

  /** The text of the source, checked: binary data and bytes that are not UTF-8 refuse the file. */
  private async *decoded(): AsyncGenerator<string> {
    let decoder: TextDecoder | null = null;
    let head = Buffer.alloc(0);
    let line = 1,
      endedWithCr = false;
    const checked = (text: string) => {
      const bad = text.search(/[\0\uFFFD]/);
      // A "\r\n" split between two chunks is one line break.
      const split = endedWithCr && text[0] === "\n" ? 1 : 0;
      if (bad !== -1)
        throw new CsvFileError(text[bad] === "\0" ? "not_text" : "not_utf8", line + countLines(text, split, bad));
      line += countLines(text, split, text.length);
      if (text.length) endedWithCr = text[text.length - 1] === "\r";
      return text;
    };
    for await (const chunk of this.source) {
      if (!decoder) {
        // The encoding from the byte order mark, so the first bytes are needed whole.
        head = Buffer.concat([head, chunk]);
        if (head.length < 4) continue;
        decoder = decoderFor(head);
        yield checked(decoder.decode(head, { stream: true }));
        continue;
      }
      yield checked(decoder.decode(chunk, { stream: true }));
    }
    if (!decoder) {
      decoder = decoderFor(head);
      yield checked(decoder.decode(head, { stream: true }));
    }
    yield checked(decoder.decode());
  }

  /** Excel's "sep=;" first line, or the separator the first line holds most of outside quotes. */
  private findSeparator(): "more" | "end" | "found" | "hint" {
    // Blank lines before the column names are skipped.
    while (this.pos < this.buf.length && /[\r\n \t]/.test(this.buf[this.pos])) {
      if (this.buf[this.pos] === "\r" && this.pos + 1 >= this.buf.length && !this.final) return "more";
      if (this.buf[this.pos] === "\n" || (this.buf[this.pos] === "\r" && this.buf[this.pos + 1] !== "\n")) this.line++;
      this.pos++;
    }
    if (this.pos >= this.buf.length) return this.final ? "end" : "more";
    const end = this.lineEnd(this.pos);
    if (end === -1 && !this.final && this.buf.length - this.pos <= this.maxRecord) return "more";
    const first = this.buf.slice(this.pos, end === -1 ? undefined : end);
    const hint = /^sep=([,;\t])\s*$/i.exec(first);
    if (hint) {
      this.separator = hint[1] as Separator;
      this.pos = end === -1 ? this.buf.length : end;
      return "hint";
    }
    const counts = new Map<string, number>();
    let quoted = false;
    for (const c of first) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && SEPARATORS.includes(c as Separator)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    this.separator = SEPARATORS.reduce((best, s) => ((counts.get(s) ?? 0) > (counts.get(best) ?? 0) ? s : best), ",");
    return "found";
  }

  /** One record from `pos`, or a problem and where reading goes on; "more" when the text so far cannot tell. */
  private record(): Step {
    const b = this.buf,
      sep = this.separator!,
      start = this.pos;
    if (start >= b.length) return this.final ? { kind: "end" } : { kind: "more" };
    const space = (c: string | undefined) => c === " " || (c === "\t" && sep !== "\t");
    const fields: string[] = [];
    let i = start,
      lines = 0;
    const tooLong = () => b.length - start > this.maxRecord;
    const problem = (
      p: CsvProblem,
      next: number,
      o: { at?: number; advance?: number; after?: "skip_line" | "none" } = {},
    ): Step => ({
      item: { kind: "problem", line: this.line + (o.at ?? lines), problem: p, field: fields.length },
      next,
      lines: o.advance ?? o.at ?? lines,
      after: o.after ?? "skip_line",
    });
    for (;;) {
      while (space(b[i])) i++;
      if (i >= b.length && !this.final) return tooLong() ? problem("too_long", i) : { kind: "more" };
      let value: string;
      if (b[i] === '"') {
        const opened = lines;
        let j = i + 1,
          text = "";
        for (;;) {
          const q = b.indexOf('"', j);
          if (q === -1 || (q === b.length - 1 && !this.final)) {
            if (!this.final && !tooLong()) return { kind: "more" };
            // Nothing closes it: that quote's line is the problem, and reading goes on after it.
            return problem(this.lineEnd(i) === -1 && !this.final ? "too_long" : "unclosed_quote", i, { at: opened });
          }
          text += b.slice(j, q);
          lines += countLines(b, j, q);
          if (b[q + 1] === '"') {
            text += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        while (space(b[i])) i++;
        if (i < b.length && b[i] !== sep && b[i] !== "\r" && b[i] !== "\n") return problem("text_after_quote", i);
        value = text;
      } else {
        let j = i;
        while (j < b.length && b[j] !== sep && b[j] !== "\r" && b[j] !== "\n") j++;
        if (j >= b.length && !this.final) return tooLong() ? problem("too_long", j) : { kind: "more" };
        value = b.slice(i, j).trimEnd();
        if (value.includes('"')) return problem("stray_quote", i);
        i = j;
      }
      fields.push(value);
      if (b[i] === sep) {
        i++;
        continue;
      }
      if (i >= b.length) {
        if (!this.final) return tooLong() ? problem("too_long", i) : { kind: "more" };
        return { item: { kind: "record", line: this.line, fields }, next: i, lines, after: "none" };
      }
      // A line break ends the record ("\r\n", "\n" or a lone "\r"); "\r" at the end of the text so far may be half of one.
      if (b[i] === "\r" && i + 1 >= b.length && !this.final) return { kind: "more" };
      const next = b[i] === "\r" && b[i + 1] === "\n" ? i + 2 : i + 1;
      if (next - start > this.maxRecord) return problem("too_long", next, { at: 0, advance: lines + 1, after: "none" });
      return { item: { kind: "record", line: this.line, fields }, next, lines: lines + 1, after: "none" };
    }
  }

  /** Where the line that holds `from` ends (its line break), or -1 if not in the text so far. */
  private lineEnd(from: number): number {
    for (let i = from; i < this.buf.length; i++) if (this.buf[i] === "\n" || this.buf[i] === "\r") return i;
    return -1;
  }

  /** Steps over one line break at `pos`, counting the line. */
  private consumeLineBreak(): void {
    const b = this.buf;
    if (b[this.pos] === "\r" && b[this.pos + 1] === "\n") this.pos += 2;
    else if (b[this.pos] === "\n" || b[this.pos] === "\r") this.pos++;
    else return;
    this.line++;
  }
}

/** Line breaks in `s` between two offsets ("\r\n" is one). */
function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s[i] === "\n" || (s[i] === "\r" && s[i + 1] !== "\n")) n++;
  return n;
}

function decoderFor(head: Buffer): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le");
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8"); // a UTF-8 byte order mark is dropped by the decoder
}
