// Diagnostic (not part of npm run bench): CPU profile of the server under the saturation load.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { apiClient } from "./api";
import { createUsersWithOpenWindows } from "./setup-users";

const dataDir = mkdtempSync(join(tmpdir(), "owprof-"));
const port = 18777;
const proc = spawn(
  process.execPath,
  [
    "--cpu-prof",
    `--cpu-prof-dir=${process.argv[2] ?? "/tmp/openwaba-profile"}`,
    "--import",
    "tsx",
    "packages/server/src/main.ts",
  ],
  {
    env: {
      ...process.env,
      OPENWABA_THROUGHPUT_MPS: "1000000",
      OPENWABA_PAIR_RATE: "off",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      OPENWABA_SIM_LATENCY: "zero",
      OPENWABA_DATA_DIR: dataDir,
      PORT: String(port),
    },
    stdio: "inherit",
  },
);
const url = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(`${url}/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
const c = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8"));
const users = await createUsersWithOpenWindows(apiClient(url, c.access_token), c.phone_number_ids[0], 500);
let i = 0;
const r = await autocannon({
  url,
  connections: 50,
  duration: 10,
  headers: { authorization: `Bearer ${c.access_token}`, "content-type": "application/json" },
  requests: [
    {
      method: "POST",
      path: `/${c.graph_version}/${c.phone_number_ids[0]}/messages`,
      setupRequest: (req: any) => ({
        ...req,
        body: JSON.stringify({
          messaging_product: "whatsapp",
          to: users[i++ % users.length],
          type: "text",
          text: { body: "x" },
        }),
      }),
    },
  ],
});
console.log("req/s", r.requests.average, "non2xx", r.non2xx);
proc.kill("SIGINT");
await new Promise((res) => proc.on("exit", res));
