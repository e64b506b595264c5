// `npm pack`'s prepack and postpack for a workspace package whose package.json points at its
// sources (what vitest, tsx and tsc read in the checkout): `apply` writes the manifest the tarball
// ships (its publishConfig's main, types and exports, no scripts), `restore` puts the workspace's
// back. npm itself does not apply publishConfig to these fields (pnpm and yarn do).
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const MANIFEST = "package.json";
const SAVED = "package.json.workspace";

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

function apply() {
  if (existsSync(SAVED))
    fail(`${SAVED} is left from an interrupted npm pack: it is the workspace's package.json, move it back first`);
  const text = readFileSync(MANIFEST, "utf8");
  const pkg = JSON.parse(text);
  const { publishConfig, scripts, ...rest } = pkg;
  if (!publishConfig) fail(`${pkg.name} has no publishConfig to pack with`);
  const packed = { ...rest, ...publishConfig };
  for (const file of [packed.main, packed.types].filter(Boolean))
    if (!existsSync(file)) fail(`${file} is missing: run npm run build first`);
  writeFileSync(SAVED, text);
  writeFileSync(MANIFEST, `${JSON.stringify(packed, null, 2)}\n`);
}

function restore() {
  if (existsSync(SAVED)) renameSync(SAVED, MANIFEST);
}

const step = process.argv[2];
if (step === "apply") apply();
else if (step === "restore") restore();
else fail(`usage: packed-manifest.mjs apply|restore (not ${step ?? "nothing"})`);
