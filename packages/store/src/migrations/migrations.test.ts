import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "./index";

// The migrations in this folder: NNN-words.ts, their tests aside.
const files = readdirSync(import.meta.dirname)
  .filter((f) => /^\d{3}-[a-z0-9-]+\.ts$/.test(f) && !f.endsWith(".test.ts"))
  .sort();
const basenames = files.map((f) => f.slice(0, -".ts".length));

describe("the migration list", () => {
  it("lists every migration file of the folder, once, in the order of the files", async () => {
    const modules = await Promise.all(files.map((f) => import(/* @vite-ignore */ join(import.meta.dirname, f))));
    expect(MIGRATIONS).toHaveLength(files.length);
    for (const [i, m] of modules.entries()) expect(MIGRATIONS[i], files[i]).toBe(m);
  });

  it("names each migration after its file", () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual(basenames);
  });

  it("has unique names in ascending order (the order Kysely runs and records them in)", () => {
    const names = MIGRATIONS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });

  it("numbers the migrations 001, 002, … without gaps or repeats", () => {
    expect(MIGRATIONS.map((m) => Number(m.name.slice(0, 3)))).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
