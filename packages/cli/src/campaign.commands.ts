import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { SuiteClient } from "@openwaba/sdk";
import type { Connection } from "./connection";
import { progressBar } from "./progress";
import { suiteClient } from "./suite-login";

// `openwaba campaign …`: define a campaign from the command line, see its estimate, send it and
// follow it with a progress bar, look at it later; pause, resume, cancel.

const collect = (v: string, prev: string[] = []) => [...prev, v];
const money = (n: number, currency: string) => `${n.toFixed(2)} ${currency}`;
const DONE = new Set(["completed", "cancelled", "paused", "draft"]);

interface CreateOptions {
  name: string;
  template: string;
  language: string;
  param?: string[];
  tag?: string;
  consent?: string;
  attr?: string[];
  activeDays?: string;
  phones?: string;
  defaultCountry?: string;
  at?: string;
  local?: string;
  fallbackZone?: string;
  mps?: string;
  phoneNumberId?: string;
}

/** The campaign definition the options describe (the server checks it and names a bad field). */
export function specFrom(o: CreateOptions): Record<string, unknown> {
  const audience = o.phones
    ? {
        phones: readFileSync(o.phones, "utf8")
          .split(/[\r\n,;]+/)
          .map((x) => x.trim())
          .filter((x) => /\d/.test(x)),
        ...(o.defaultCountry ? { default_country: o.defaultCountry } : {}),
      }
    : {
        segment: {
          ...(o.tag ? { tag: o.tag } : {}),
          ...(o.consent ? { consent: o.consent } : {}),
          ...(o.activeDays ? { active_since_days: Number(o.activeDays) } : {}),
          ...(o.attr?.length
            ? {
                attributes: Object.fromEntries(
                  o.attr.map((a) => {
                    const i = a.indexOf("=");
                    return [a.slice(0, i), a.slice(i + 1)];
                  }),
                ),
              }
            : {}),
        },
      };
  const [date, time] = (o.local ?? "").split(/[ T]/);
  const schedule = o.local
    ? { type: "local_time", date, time, ...(o.fallbackZone ? { fallback_timezone: o.fallbackZone } : {}) }
    : o.at
      ? { type: "at", at: new Date(o.at).toISOString() }
      : { type: "now" };
  return {
    name: o.name,
    template: { name: o.template, language: o.language, ...(o.param?.length ? { parameters: o.param } : {}) },
    audience,
    schedule,
    ...(o.mps ? { max_mps: Number(o.mps) } : {}),
    ...(o.phoneNumberId ? { phone_number_id: o.phoneNumberId } : {}),
  };
}

export function printEstimate(e: any): void {
  const left = Object.entries(e.excluded)
    .filter(([, n]) => Number(n) > 0)
    .map(([why, n]) => `${n} ${why.replace(/_/g, " ")}`);
  console.log(`recipients: ${e.recipients}${left.length ? ` (left out: ${left.join(", ")})` : ""}`);
  console.log(
    `cost: ${money(e.cost.total, e.cost.currency)} (${e.category.toLowerCase()})${e.cost.by_country.length ? ` — ${e.cost.by_country.map((c: any) => `${c.country}: ${c.recipients} for ${money(c.total, e.cost.currency)}`).join(", ")}` : ""}`,
  );
  const p = e.pace;
  const limit =
    p.messaging_limit.limit === null
      ? "unlimited"
      : `${p.messaging_limit.tier}, ${p.messaging_limit.room} left of ${p.messaging_limit.limit} today`;
  console.log(
    `time: ${p.seconds_at_full_pace} s at ${p.mps}/s${p.extra_days ? ` + ${p.extra_days} day(s) for the messaging limit (${limit})` : ` (messaging limit ${limit})`}; done by ${p.finishes_at}`,
  );
}

function printProgress(c: any): void {
  const p = c.progress;
  if (!p) {
    console.log(`${c.id}  ${c.name}  ${c.state}`);
    return;
  }
  const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);
  console.log(`${c.id}  ${c.name}  ${c.state}${c.note ? ` (${c.note})` : ""}`);
  console.log(
    `  ${p.sent}/${p.recipients} sent, ${p.delivered} delivered (${pct(p.rates.delivered)}), ${p.read} read (${pct(p.rates.read)}), ${p.replied} replied, ${p.failed} failed, ${p.opted_out} opted out; cost ${money(p.cost.total, p.cost.currency)}`,
  );
  if (p.held) console.log(`  held until ${p.held.until}: ${p.held.reason}`);
  if (p.pace.eta) console.log(`  ${p.pace.mps_last_10s}/s, done by about ${p.pace.eta}`);
}

/** Follows a campaign with a progress bar until it is done, paused or cancelled. */
async function watch(suite: SuiteClient, id: string): Promise<any> {
  let c = await suite.campaign(id);
  const bar = progressBar(c.progress?.recipients ?? 0, "sending");
  while (!DONE.has(c.state)) {
    bar.update((c.progress?.recipients ?? 0) - (c.progress?.waiting ?? 0));
    if (c.progress?.held) break; // held for a day by the messaging limit: no point in waiting here
    await new Promise((r) => setTimeout(r, 1000));
    c = await suite.campaign(id);
  }
  bar.update(c.progress?.recipients ?? 0);
  bar.done();
  return c;
}

/** A campaign named by its id or its name (a name: the newest campaign of that name). */
async function campaignId(suite: SuiteClient, ref: string): Promise<string> {
  const list = await suite.campaigns(); // newest first
  const c = list.find((x) => x.id === ref) ?? list.find((x) => x.name === ref);
  if (c) return c.id;
  if (/^[0-9a-f-]{36}$/i.test(ref)) return ref; // older than the list reaches: the server says whether it exists
  throw new Error(`no campaign has the id or name "${ref}" (campaign status lists them)`);
}

export function registerCampaignCommands(program: Command, conn: () => Connection): void {
  const campaign = program.command("campaign").description("broadcast campaigns of approved templates");
  const withDefinition = (cmd: Command) =>
    cmd
      .requiredOption("--name <name>", "the campaign's name")
      .requiredOption("--template <name>", "an approved template")
      .option("--language <code>", "the template's language", "en_US")
      .option(
        "--param <text>",
        "a body parameter, in order, e.g. '{{contact.name}}' or '{{attr.code|WELCOME}}' (repeat)",
        collect,
      )
      .option("--tag <tag>", "audience: contacts with this tag")
      .option("--consent <state>", "audience: granted, revoked or none")
      .option("--attr <name=value>", "audience: an attribute's value (repeat)", collect)
      .option("--active-days <n>", "audience: active in the last n days")
      .option("--phones <file>", "audience: the numbers in this file instead of a segment")
      .option("--default-country <CC>", "country of numbers written without +")
      .option("--at <time>", "send at this time (ISO)")
      .option("--local <date time>", "send at this local time in each contact's zone, e.g. '2026-12-24 10:00'")
      .option("--fallback-zone <zone>", "zone of contacts with none known")
      .option("--mps <n>", "at most n messages per second")
      .option("--phone-number-id <id>", "the business number (default: --phone, else the first in the credentials)");

  withDefinition(campaign.command("create").description("save a campaign as a draft and show its estimate")).action(
    async (o: CreateOptions) => {
      const connection = conn();
      const suite = await suiteClient(connection);
      // The global --phone (default: the credentials' first number) unless --phone-number-id names another.
      const c = await suite.createCampaign(specFrom({ ...o, phoneNumberId: o.phoneNumberId ?? connection.phone }));
      console.log(`draft ${c.id}`);
      printEstimate(await suite.estimateCampaign(c.id));
    },
  );

  const ref = "its id or name (a name: the newest campaign of that name)";
  campaign
    .command("estimate")
    .description("recipients, cost and time of a draft")
    .argument("<campaign>", ref)
    .action(async (r: string) => {
      const suite = await suiteClient(conn());
      printEstimate(await suite.estimateCampaign(await campaignId(suite, r)));
    });

  campaign
    .command("send")
    .description("send a draft and follow it")
    .argument("<campaign>", ref)
    .option("--no-watch", "return at once")
    .action(async (r: string, o: { watch: boolean }) => {
      const suite = await suiteClient(conn());
      const id = await campaignId(suite, r);
      let c = await suite.sendCampaign(id);
      console.log(`${c.state}: ${c.totals.recipients} recipients`);
      if (o.watch) c = await watch(suite, id);
      printProgress(c);
    });

  campaign
    .command("status")
    .description("where a campaign is (all of them without one)")
    .argument("[campaign]", ref)
    .option("--watch", "follow it with a progress bar")
    .action(async (r: string | undefined, o: { watch?: boolean }) => {
      const suite = await suiteClient(conn());
      if (!r) {
        for (const c of await suite.campaigns()) printProgress(c);
        return;
      }
      const id = await campaignId(suite, r);
      printProgress(o.watch ? await watch(suite, id) : await suite.campaign(id));
    });

  for (const [verb, what] of [
    ["pause", "stop sending for now"],
    ["resume", "go on sending"],
    ["cancel", "send no more"],
  ] as const) {
    campaign
      .command(verb)
      .description(what)
      .argument("<campaign>", ref)
      .action(async (r: string) => {
        const suite = await suiteClient(conn());
        const id = await campaignId(suite, r);
        const c =
          verb === "pause"
            ? await suite.pauseCampaign(id)
            : verb === "resume"
              ? await suite.resumeCampaign(id)
              : await suite.cancelCampaign(id);
        printProgress(c);
      });
  }
}
