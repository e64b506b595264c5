import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Every write to a suite table goes through a named command of the feature that owns the table
// (<feature>/commands/*.ts), in the caller's transaction; transactions are opened only by the unit
// of work, which tells the consoles and workers after the commit. This reads the source and fails
// naming each write made elsewhere.

const OWNERS: Record<string, string> = {
  suite_conversations: "inbox",
  suite_messages: "inbox",
  suite_conversation_events: "inbox",
  suite_conversation_reads: "inbox",
  suite_cycles: "inbox",
  suite_early_statuses: "inbox",
  suite_canned_responses: "inbox",
  suite_events: "realtime",
  suite_contacts: "contacts",
  suite_whatsapp_stops: "contacts",
  suite_users: "people",
  suite_teams: "people",
  suite_team_members: "people",
  suite_sessions: "auth",
  suite_api_keys: "auth",
  suite_login_failures: "auth",
  suite_tenants: "tenant",
  suite_connections: "tenant",
  suite_numbers: "tenant",
  suite_routing_rules: "routing",
  suite_flows: "flows",
  suite_flow_versions: "flows",
  suite_flow_runs: "flows",
  suite_flow_steps: "flows",
  suite_campaigns: "campaigns",
  suite_campaign_recipients: "campaigns",
  suite_faq: "faq",
  suite_faq_misses: "faq",
  suite_entry_points: "entry-points",
  suite_widgets: "widget",
  suite_alerts: "alerts",
};

const root = new URL(".", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
const files = sources(root).map((p) => ({ path: relative(root, p), text: readFileSync(p, "utf8") }));

const WRITE = /\b(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*"(suite_[a-z_]+)"/g;
const RAW_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"?(suite_[a-z_]+)\b/gi;

function writes(): { table: string; file: string }[] {
  const found: { table: string; file: string }[] = [];
  for (const f of files)
    for (const re of [WRITE, RAW_WRITE])
      for (const m of f.text.matchAll(re)) found.push({ table: m[1]!, file: f.path });
  return found;
}

describe("the suite's tables", () => {
  it("are written only by their owner's commands", () => {
    const outside = writes().filter((w) => {
      const owner = OWNERS[w.table];
      return !owner || !w.file.startsWith(`${owner}/commands/`);
    });
    expect(outside.map((w) => `${w.table} written in ${w.file} (owner: ${OWNERS[w.table] ?? "none"})`)).toEqual([]);
  });

  it("are changed in transactions opened only by the unit of work, which tells others after the commit", () => {
    const opened = files.filter((f) => /\.transaction\(\)/.test(f.text)).map((f) => f.path);
    // tenant/: a tenant and its first admin are made before any suite exists (first start, tests).
    expect(opened.filter((p) => p !== "unit-of-work.ts" && !p.startsWith("tenant/"))).toEqual([]);
    const notified = files.filter((f) => /\bbus\.notify\(\)/.test(f.text)).map((f) => f.path);
    // index.ts: the one-second poll that picks up other nodes' commits.
    expect(notified.filter((p) => p !== "unit-of-work.ts" && p !== "index.ts")).toEqual([]);
  });
});
