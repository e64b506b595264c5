import { configFromEnv } from "./config";
import { startServer } from "./server";

// `npm start`: platform + simulator on 127.0.0.1:8080 with a SQLite file under ./data.
// What a person can fix (a bad setting, a port in use) is said in one line, not a stack trace.
function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}
let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv();
} catch (err) {
  fail((err as Error).message);
}
const server = await startServer(config).catch((err: NodeJS.ErrnoException) => {
  if (err?.code === "EADDRINUSE")
    fail(
      `port ${config.port} on ${config.host} is taken (is OpenWABA already running?): stop it, or start on another port with PORT=${config.port + 1} npm start`,
    );
  if (err?.code === "EACCES") fail(`may not listen on ${config.host}:${config.port}: choose another port with PORT=…`);
  throw err;
});
const c = server.credentials;
server.app.log.info(
  { url: server.url, data_dir: config.dataDir, database: server.store.dialect },
  "OpenWABA is running",
);
console.log(`
  OpenWABA ${server.url}  (database: ${server.store.dialect}, data: ${config.dataDir})
  credentials: ${config.dataDir}/dev-credentials.json${
    server.consoleLogin
      ? `
  console: ${server.url}/  (sign in as ${server.consoleLogin.console_email} with console_password from that file)`
      : ""
  }
  WABA ${c.waba_id} · phone numbers ${c.phone_number_ids.join(", ")} · Graph ${c.graph_version}
  try: curl -s -H "Authorization: Bearer $(node -p "require('${config.dataDir}/dev-credentials.json').access_token")" ${server.url}/${c.graph_version}/${c.waba_id}/phone_numbers
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, "shutting down: finishing claimed work");
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
