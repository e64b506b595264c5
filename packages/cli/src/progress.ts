/** A one-line progress bar on a terminal (nothing when the output is not one, so logs stay clean). */
export function progressBar(total: number, label: string, out: NodeJS.WriteStream = process.stderr) {
  let last = -1;
  return {
    update(done: number) {
      if (!out.isTTY || total <= 0) return;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (pct === last) return;
      last = pct;
      const width = 30,
        filled = Math.round((pct / 100) * width);
      out.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}%`);
    },
    done() {
      if (out.isTTY) out.write("\n");
    },
  };
}
