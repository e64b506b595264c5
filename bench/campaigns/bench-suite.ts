// What the campaign and flow benches set up on a fresh server, as a business would through the
// Cloud API and the suite API: the console session, an approved template, the messaging tier,
// contacts from a CSV, and a look at the store afterwards (measurement only).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { apiClient } from "../api";
import { sleep } from "../clock";
import { consoleSession, type ConsoleSession } from "../inbox/console-session";
import { databaseFile, type OpenWabaProcess } from "../server-process";

export async function signInConsole(server: OpenWabaProcess): Promise<ConsoleSession> {
  let creds = server.credentials;
  for (let i = 0; i < 100 && !creds.console_password; i++) {
    await sleep(100);
    creds = JSON.parse(readFileSync(join(server.dataDir, "dev-credentials.json"), "utf8"));
  }
  return consoleSession(server.url, {
    path: "/suite/api/login",
    body: { email: creds.console_email, password: creds.console_password },
  });
}

/** A UTILITY template with one body variable, approved at once (the review engine is off). */
export async function approvedTemplate(server: OpenWabaProcess, name: string): Promise<void> {
  const c = server.credentials;
  const call = apiClient(server.url, c.access_token);
  const t = await call("POST", `/${c.graph_version}/${c.waba_id}/message_templates`, {
    name,
    language: "en_US",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Hello {{1}}, your order has shipped.", example: { body_text: [["Ewa"]] } }],
  });
  await call("POST", `/openwaba/templates/${t.id}/review`, { event: "APPROVED" });
}

/** Puts the business at a messaging tier (OpenWABA's developer extension). */
export async function messagingTier(server: OpenWabaProcess, tier: string): Promise<void> {
  await apiClient(server.url, server.credentials.access_token)("PUT", "/openwaba/messaging-limit", { tier });
}

/** Polish mobile numbers (+48 600 …), distinct and valid (a contact's number must be a real one). */
export const benchNumbers = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => `48${600_000_000 + offset + i}`);

/** Imports contacts tagged `tag` from one CSV, as a business would; its duration in ms. */
export async function importContacts(
  server: OpenWabaProcess,
  s: ConsoleSession,
  numbers: string[],
  tag: string,
): Promise<number> {
  const csv = ["phone,name,tags", ...numbers.map((n, i) => `+${n},Client ${i},${tag}`)].join("\n");
  const t0 = Date.now();
  const r = await fetch(`${server.url}/suite/api/contacts/import`, {
    method: "POST",
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "text/csv" },
    body: csv,
  });
  const body = (await r.json()) as any;
  if (r.status !== 200 || body.errors?.length)
    throw new Error(`import: HTTP ${r.status} ${JSON.stringify(body).slice(0, 500)}`);
  return Date.now() - t0;
}

/** Runs a read-only query on the server's store (SQLite file or PostgreSQL schema). */
export async function storeQuery<T>(
  server: OpenWabaProcess,
  databaseUrl: string | undefined,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (!databaseUrl) {
    const db = new Database(databaseFile(server.dataDir), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    let i = 0;
    return (
      await c.query(
        sql.replace(/\?/g, () => `$${++i}`),
        params,
      )
    ).rows as T[];
  } finally {
    await c.end();
  }
}
