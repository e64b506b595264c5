import { existsSync, readFileSync } from "node:fs";

// Where the CLI's server is and who it is: flags, then the environment, then the development
// tenant's dev-credentials.json (what `npm start` wrote).

export interface Connection {
  url: string;
  token: string;
  version: string;
  phone: string;
  wabaId: string;
  consoleEmail?: string;
  consolePassword?: string;
}

export function connection(o: { url?: string; credentials?: string; phone?: string }): Connection {
  const file = o.credentials ?? process.env.OPENWABA_CREDENTIALS ?? "data/dev-credentials.json";
  if (!existsSync(file))
    throw new Error(`no credentials: ${file} does not exist (start the server with npm start, or pass --credentials)`);
  let c: Record<string, any>;
  try {
    c = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  for (const k of ["access_token", "graph_version", "phone_number_ids", "waba_id"])
    if (!(k in c)) throw new Error(`${file} has no ${k}`);
  return {
    url: (o.url ?? process.env.OPENWABA_URL ?? "http://127.0.0.1:8080").replace(/\/$/, ""),
    token: c.access_token,
    version: c.graph_version,
    phone: o.phone ?? c.phone_number_ids[0],
    wabaId: c.waba_id,
    consoleEmail: c.console_email,
    consolePassword: c.console_password,
  };
}
