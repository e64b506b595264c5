import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm pack` of the SDK and the CLI, installed into an empty project offline, as a business would
// use them: the SDK's types check a program and its code runs; the installed openwaba command
// answers. Each package is staged (its package.json, bin and pack script, a fresh build of its
// sources into the stage's dist) so that packing never rewrites the checkout's files while other
// tests read them.
const ROOT = join(import.meta.dirname, "../../..");
const run = promisify(execFile);
const stage = mkdtempSync(join(tmpdir(), "openwaba-packed-"));
const consumer = join(stage, "consumer");
afterAll(() => rmSync(stage, { recursive: true, force: true }));

// No npm_* of an `npm test` around this run: each npm here acts in its own folder.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const sh = (file: string, args: string[], cwd: string) => run(file, args, { cwd, env, timeout: 60_000 });

interface Packed {
  filename: string;
  files: { path: string }[];
}
const packed = new Map<string, Packed>();

async function packStaged(pkg: "sdk" | "cli"): Promise<void> {
  const dir = join(stage, "packages", pkg);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, "packages", pkg, "package.json"), join(dir, "package.json"));
  if (pkg === "cli") cpSync(join(ROOT, "packages/cli/bin"), join(dir, "bin"), { recursive: true });
  const tsup = join(ROOT, "node_modules/tsup/dist/cli-default.js");
  await sh(process.execPath, [tsup, "--silent", "--out-dir", join(dir, "dist")], join(ROOT, "packages", pkg));
  const out = await sh("npm", ["pack", "--json", "--pack-destination", stage], dir);
  packed.set(pkg, (JSON.parse(out.stdout) as Packed[])[0]);
}

beforeAll(async () => {
  mkdirSync(join(stage, "scripts"));
  cpSync(join(ROOT, "scripts/packed-manifest.mjs"), join(stage, "scripts/packed-manifest.mjs"));
  await Promise.all([packStaged("sdk"), packStaged("cli")]);
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const tarballs = [...packed.values()].map((p) => join(stage, p.filename));
  await sh("npm", ["install", "--offline", "--no-audit", "--no-fund", ...tarballs], consumer);
}, 60_000);

describe("the packed SDK and CLI", () => {
  it("ship their built code and declarations, not their sources, and the CLI needs no dependency", () => {
    expect(
      packed
        .get("sdk")!
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(["dist/index.d.ts", "dist/index.js", "package.json"]);
    expect(
      packed
        .get("cli")!
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(["bin/openwaba.js", "dist/main.js", "package.json"]);
    const sdk = JSON.parse(readFileSync(join(consumer, "node_modules/@openwaba/sdk/package.json"), "utf8"));
    expect(sdk.exports).toEqual({ ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } });
    expect(sdk).not.toHaveProperty("scripts");
    const cli = JSON.parse(readFileSync(join(consumer, "node_modules/@openwaba/cli/package.json"), "utf8"));
    expect(cli.dependencies ?? {}).toEqual({});
  });

  it("the SDK's types check a business's program, and refuse a wrong call", async () => {
    writeFileSync(
      join(consumer, "bot.ts"),
      [
        'import { CloudApiClient, parseWebhook, verifySignature, type InboundMessage } from "@openwaba/sdk";',
        'const cloud = new CloudApiClient({ graph_url: "http://127.0.0.1:8080", graph_version: "v23.0", access_token: "t" });',
        'export const ok: boolean = verifySignature(\'{"a":1}\', null, "secret");',
        "export const messages: InboundMessage[] = parseWebhook({}).messages;",
        "export const sent: Promise<{ id: string }> = cloud.sendText('1', '48600100200', 'Hi');",
        "// @ts-expect-error: a text is a string",
        "cloud.sendText('1', '48600100200', 42);",
      ].join("\n"),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules/@types")],
        },
        files: ["bot.ts"],
      }),
    );
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const r = await sh(process.execPath, [tsc, "-p", "tsconfig.json"], consumer).catch((e) => e);
    expect(`${r.stdout}${r.stderr ?? ""}`).toBe("");
  });

  it("the SDK's code runs from the installed package", async () => {
    const script =
      'import { createHmac } from "node:crypto"; import { verifySignature } from "@openwaba/sdk";' +
      'const sig = "sha256=" + createHmac("sha256", "s").update("body").digest("hex");' +
      'console.log(verifySignature("body", sig, "s"), verifySignature("body", sig, "other"));';
    const r = await sh(process.execPath, ["--input-type=module", "-e", script], consumer);
    expect(r.stdout.trim()).toBe("true false");
  });

  it("the installed openwaba command answers, and says that start needs a checkout", async () => {
    const bin = join(consumer, "node_modules/.bin/openwaba");
    const help = await sh(bin, ["--help"], consumer);
    expect(help.stdout).toMatch(/^Usage: openwaba /);
    for (const command of ["send", "templates", "sim", "contacts", "campaign", "flows", "start"])
      expect(help.stdout).toMatch(new RegExp(`^ {2}${command} `, "m"));
    const start = await sh(bin, ["start"], consumer).catch((e) => e);
    expect(start.code).toBe(1);
    expect(start.stderr.trim()).toBe(
      "error: openwaba start runs the server of an OpenWABA checkout (npm start there); this install has the client commands only",
    );
  });
});
