import {
  type ChoiceOption,
  type FlowNode,
  type MessageSpec,
  fillDeep,
  fillTemplate,
  type FlowContext,
} from "@openwaba/contracts/suite";

// A flow's message specs as Cloud API message bodies (without `to`), with {{variables}} filled.
// Pure. A question with options and a plain text prompt is shown as reply buttons (up to three
// short options) or a list, unless the flow asks for numbered text.

export type CloudBody = Record<string, unknown> & { type: string };
type TemplateSpec = Extract<MessageSpec, { template: unknown }>["template"];

const BUTTON_TITLE_MAX = 20;

export function cloudMessage(spec: MessageSpec, ctx: FlowContext): CloudBody {
  const f = (s: string) => fillTemplate(s, ctx);
  if ("text" in spec)
    return { type: "text", text: { body: f(spec.text), ...(spec.preview_url ? { preview_url: true } : {}) } };
  if ("buttons" in spec) {
    const b = spec.buttons;
    return interactive("button", f(b.body), b.header && f(b.header), b.footer && f(b.footer), {
      buttons: b.options.map((o) => ({
        type: "reply",
        reply: { id: o.id, title: f(o.title).slice(0, BUTTON_TITLE_MAX) },
      })),
    });
  }
  if ("list" in spec) {
    const l = spec.list;
    return interactive("list", f(l.body), l.header && f(l.header), l.footer && f(l.footer), {
      button: f(l.button),
      sections: l.sections.map((s) => ({
        ...(s.title ? { title: f(s.title) } : {}),
        rows: s.rows.map((r) => row(r, f)),
      })),
    });
  }
  if ("template" in spec) return templateBody(spec.template, ctx);
  const [type, media] = Object.entries(spec)[0] as [string, Record<string, string | undefined>];
  return { type, [type]: fillDeep(Object.fromEntries(Object.entries(media).filter(([, v]) => v !== undefined)), ctx) };
}

export function templateBody(t: TemplateSpec, ctx: FlowContext): CloudBody {
  const components = t.components
    ? fillDeep(t.components, ctx)
    : t.parameters?.length
      ? [{ type: "body", parameters: t.parameters.map((p) => ({ type: "text", text: fillTemplate(p, ctx) || "-" })) }]
      : undefined;
  return {
    type: "template",
    template: { name: t.name, language: { code: t.language }, ...(components ? { components } : {}) },
  };
}

/** An ask node's question: its prompt, with the options of a choice made tappable (or numbered). */
export function promptMessage(
  node: Extract<FlowNode, { type: "ask" }>,
  ctx: FlowContext,
  language?: string | null,
): CloudBody {
  const v = node.validate;
  if (v.type !== "choice" || !("text" in node.prompt)) return cloudMessage(node.prompt, ctx);
  return choiceMessage(fillTemplate(node.prompt.text, ctx), v.options, v.display, language, ctx);
}

export function choiceMessage(
  body: string,
  options: ChoiceOption[],
  display: "buttons" | "list" | "text" | undefined,
  language: string | null | undefined,
  ctx: FlowContext,
): CloudBody {
  const f = (s: string) => fillTemplate(s, ctx);
  const fitsButtons = options.length <= 3 && options.every((o) => f(o.title).length <= BUTTON_TITLE_MAX);
  const shown = display ?? (fitsButtons ? "buttons" : "list");
  if (shown === "buttons" && fitsButtons) {
    return interactive("button", body, undefined, undefined, {
      buttons: options.map((o) => ({ type: "reply", reply: { id: o.id, title: f(o.title) } })),
    });
  }
  if (shown === "text")
    return {
      type: "text",
      text: { body: `${body}\n\n${options.map((o, i) => `${i + 1}. ${f(o.title)}`).join("\n")}` },
    };
  return interactive("list", body, undefined, undefined, {
    button: chooseWord(language),
    sections: [{ rows: options.map((o) => row(o, f)) }],
  });
}

function interactive(
  kind: "button" | "list",
  body: string,
  header: string | undefined,
  footer: string | undefined,
  action: Record<string, unknown>,
): CloudBody {
  return {
    type: "interactive",
    interactive: {
      type: kind,
      ...(header ? { header: { type: "text", text: header } } : {}),
      body: { text: body },
      ...(footer ? { footer: { text: footer } } : {}),
      action,
    },
  };
}

const row = (o: ChoiceOption, f: (s: string) => string) => ({
  id: o.id,
  title: f(o.title),
  ...(o.description ? { description: f(o.description) } : {}),
});

const CHOOSE: Record<string, string> = {
  pl: "Wybierz",
  ru: "Выбрать",
  ca: "Tria",
  it: "Scegli",
  es: "Elige",
  de: "Auswählen",
  pt: "Escolher",
  fr: "Choisir",
};
const chooseWord = (language: string | null | undefined) => CHOOSE[(language ?? "").slice(0, 2)] ?? "Choose";

/** What a message body says, for the trace and the timeline's search. */
export function summary(body: CloudBody): string {
  const b = body as Record<string, any>;
  if (b.type === "text") return String(b.text.body);
  if (b.type === "interactive") return String(b.interactive.body.text);
  if (b.type === "template") return `template ${b.template.name}`;
  return b.type;
}
