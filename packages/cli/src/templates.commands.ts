import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CloudApiClient } from "@openwaba/sdk";
import type { Connection } from "./connection";

// `openwaba template …` sends one; `openwaba templates` lists the WABA's, and `templates create`
// makes one from options or from Meta's JSON (what POST /{waba-id}/message_templates takes).

const collect = (v: string, prev: string[] = []) => [...prev, v];
const CATEGORIES = ["UTILITY", "MARKETING", "AUTHENTICATION"];
const ORDER = ["HEADER", "BODY", "FOOTER", "BUTTONS"];

export interface TemplateOptions {
  category?: string;
  language?: string;
  body?: string;
  example?: string[];
  header?: string;
  headerExample?: string;
  footer?: string;
  button?: string[];
  file?: string;
}

/** The variables of a text: ["1", "2"] or ["first_name"], in order of first use. */
const variables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]))];

/**
 * The body of POST /{waba-id}/message_templates the options describe (on top of --file's JSON).
 * Named variables ({{first_name}}) take their examples as name=value. The platform checks the rest
 * and names what is wrong in Meta's words.
 */
export function templateRequest(name: string, o: TemplateOptions): Record<string, unknown> {
  let base: Record<string, any> = {};
  if (o.file) {
    try {
      base = JSON.parse(readFileSync(o.file, "utf8"));
    } catch (e) {
      throw new Error(`${o.file} is not a JSON file: ${(e as Error).message}`);
    }
    if (!base || typeof base !== "object" || Array.isArray(base))
      throw new Error(`${o.file} must hold one template as a JSON object ({category, language, components})`);
  }
  const category = (o.category ?? base.category)?.toUpperCase();
  if (!category) throw new Error(`--category is required: ${CATEGORIES.join(", ")}`);
  if (!CATEGORIES.includes(category))
    throw new Error(`--category must be ${CATEGORIES.join(", ")}, not "${o.category ?? base.category}"`);
  const components: Record<string, any>[] = Array.isArray(base.components) ? [...base.components] : [];
  const typeOf = (x: any) => String(x?.type).toUpperCase();
  const replace = (type: string, c: Record<string, unknown>) => {
    const i = components.findIndex((x) => typeOf(x) === type);
    if (i >= 0) components.splice(i, 1, c);
    else components.push(c);
  };
  const named = [o.body, o.header].some((t) => t && variables(t).some((v) => !/^\d+$/.test(v)));
  if (o.header !== undefined) {
    const vars = variables(o.header);
    if (vars.length && o.headerExample === undefined)
      throw new Error(`the header has a variable: give its example with --header-example`);
    replace("HEADER", {
      type: "HEADER",
      format: "TEXT",
      text: o.header,
      ...(vars.length
        ? {
            example: named
              ? { header_text_named_params: [{ param_name: vars[0], example: o.headerExample }] }
              : { header_text: [o.headerExample] },
          }
        : {}),
    });
  }
  if (o.body !== undefined) {
    const vars = variables(o.body);
    const examples = o.example ?? [];
    if (examples.length !== vars.length) {
      throw new Error(
        vars.length
          ? `the body has ${vars.length} variable(s) (${vars.map((v) => `{{${v}}}`).join(", ")}): give one --example for each${named ? ", as name=value" : ", in order"}`
          : `the body has no variables, so it takes no --example`,
      );
    }
    let example: Record<string, unknown> | undefined;
    if (vars.length && named) {
      example = {
        body_text_named_params: examples.map((e) => {
          const i = e.indexOf("=");
          if (i <= 0) throw new Error(`--example "${e}": the body's variables have names, so write name=value`);
          return { param_name: e.slice(0, i), example: e.slice(i + 1) };
        }),
      };
    } else if (vars.length) example = { body_text: [examples] };
    replace("BODY", { type: "BODY", text: o.body, ...(example ? { example } : {}) });
  } else if (o.example?.length) throw new Error("--example gives the body's examples: use it with --body");
  if (o.footer !== undefined) replace("FOOTER", { type: "FOOTER", text: o.footer });
  if (o.button?.length)
    replace("BUTTONS", { type: "BUTTONS", buttons: o.button.map((text) => ({ type: "QUICK_REPLY", text })) });
  if (!components.some((c) => typeOf(c) === "BODY"))
    throw new Error("a template needs a body: --body '…' (or components in --file)");
  return {
    ...base,
    name,
    language: o.language ?? base.language ?? "en_US",
    category,
    components: [...components].sort((a, b) => ORDER.indexOf(typeOf(a)) - ORDER.indexOf(typeOf(b))),
    ...(named ? { parameter_format: "named" } : {}),
  };
}

const bodyOf = (t: Record<string, any>) => String((t.components ?? []).find((c: any) => c.type === "BODY")?.text ?? "");

export function registerTemplateCommands(program: Command, conn: () => Connection): void {
  const cloud = (c: Connection) =>
    new CloudApiClient({ graph_url: c.url, graph_version: c.version, access_token: c.token });

  program
    .command("template")
    .description("send an approved template")
    .argument("<to>")
    .argument("<name>")
    .argument("[params...]", "body parameters in order")
    .option("--language <code>", "template language", "en_US")
    .action(async (to: string, name: string, params: string[], o: { language: string }) => {
      const c = conn();
      console.log((await cloud(c).sendTemplate(c.phone, to, name, o.language, params)).id);
    });

  const templates = program
    .command("templates")
    .description("the WABA's templates: lists them (templates create: a new one)")
    .action(async () => {
      const c = conn();
      const list = await cloud(c).listTemplates(c.wabaId);
      if (!list.length) {
        console.log("No templates in this WABA yet. Make one, e.g.:");
        console.log(
          "  npm run openwaba -- templates create order_ready --category UTILITY --body 'Your order {{1}} is ready.' --example 860198 --approve",
        );
        return;
      }
      for (const t of list) {
        const body = bodyOf(t).replace(/\s+/g, " ");
        console.log(
          `${t.status.padEnd(9)} ${t.category.padEnd(14)} ${t.language.padEnd(6)} ${t.name}${body ? `  "${body.length > 60 ? `${body.slice(0, 59)}…` : body}"` : ""}`,
        );
      }
    });

  templates
    .command("create")
    .description("a new template, from options or Meta's JSON (--file); the review decides (or --approve)")
    .argument("<name>", "lower case, digits and _")
    .option("--category <category>", CATEGORIES.join(", "))
    .option("--language <code>", "its language (default en_US)")
    .option("--body <text>", "the text; {{1}}, {{2}}… (or {{name}}) are its variables")
    .option(
      "--example <value>",
      "an example for each body variable, in order (name=value for named ones; repeat)",
      collect,
    )
    .option("--header <text>", "a text header")
    .option("--header-example <value>", "the example of the header's variable")
    .option("--footer <text>", "a footer")
    .option("--button <text>", "a quick-reply button (repeat)", collect)
    .option(
      "--file <file.json>",
      "the template as Meta's JSON ({category, language, components}); the options above replace its parts",
    )
    .option("--approve", "approve it at once: OpenWABA's developer extension (Meta reviews in its own time)")
    .action(async (name: string, o: TemplateOptions & { approve?: boolean }) => {
      const c = conn();
      const api = cloud(c);
      const made = await api.createTemplate(c.wabaId, templateRequest(name, o));
      const t = o.approve
        ? await api.reviewTemplate(made.id, { event: "APPROVED" })
        : { id: made.id, status: made.status, category: made.category };
      console.log(`${t.id}  ${name}  ${t.status} ${t.category}`);
      if (t.status === "PENDING")
        console.log(
          "in review: `templates` shows when it is decided (or create it with --approve on a development server)",
        );
    });
}
