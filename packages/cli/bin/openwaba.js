#!/usr/bin/env node
// The openwaba command, as `npm run build` compiled it (npm install runs the build).
import { existsSync } from "node:fs";

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(main)) {
  console.error("error: the openwaba command is not built: run npm run build (npm install does it)");
  process.exit(1);
}
await import(main.href);
