import type { Db } from "@openwaba/store";
import { type WidgetRequest, optInMessage, widgetRequest } from "@openwaba/contracts/suite";
import { deepLink } from "../entry-points/entry-points";

// The website chat widget's settings (issue #5 item 5): what the shop's visitors see, which number
// they reach and with which message. Texts are shown as text by the script; the colour is
// checked here because it goes into CSS.

/** What the config column holds: the input less the number (a column of its own). */
export type WidgetConfig = Omit<WidgetRequest, "phone_number_id">;

/** What the console's form starts from before a widget is saved. */
export const WIDGET_DEFAULTS: WidgetConfig = widgetRequest.parse({ prefilled_message: "Hello! I have a question." });

export interface WidgetRow {
  tenant_id: string;
  public_id: string;
  phone_number_id: string;
  config: string;
  plain_code: string;
  opt_in_code: string | null;
  version: number;
  updated_at: number;
}

export const loadWidget = (db: Db, tenantId: string): Promise<WidgetRow | undefined> =>
  db.selectFrom("suite_widgets").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst();

export const widgetByPublicId = (db: Db, publicId: string): Promise<WidgetRow | undefined> =>
  db.selectFrom("suite_widgets").selectAll().where("public_id", "=", publicId).executeTakeFirst();

/** The widget as the console sees it; `base` is this server's address, for the snippet. */
export function presentWidget(w: WidgetRow, base: string) {
  const config = JSON.parse(w.config) as WidgetConfig;
  const scriptUrl = `${base}/widget/${w.public_id}.js`;
  return {
    public_id: w.public_id,
    phone_number_id: w.phone_number_id,
    ...config,
    // The codes it links to, and the message each makes the customer send.
    entry_points: {
      plain: { code: w.plain_code, deep_link_url: deepLink(w.plain_code), prefilled_message: config.prefilled_message },
      opt_in:
        w.opt_in_code && config.opt_in_text !== null
          ? {
              code: w.opt_in_code,
              deep_link_url: deepLink(w.opt_in_code),
              prefilled_message: optInMessage(config.prefilled_message, config.opt_in_text),
            }
          : null,
    },
    script_url: scriptUrl,
    snippet: `<script src="${scriptUrl}" async></script>`,
    version: w.version,
    updated_at: new Date(w.updated_at).toISOString(),
  };
}

/** What the script is called with: texts, colours and the links it opens, nothing else of the tenant. */
function embedConfig(id: string, c: WidgetConfig, links: { plain: string; opt_in: string | null }) {
  return {
    id,
    title: c.title,
    greeting: c.greeting,
    button_label: c.button_label,
    start_label: c.start_label,
    color: c.brand_color,
    ink: inkOn(c.brand_color),
    position: c.position,
    opt_in_text: c.opt_in_text,
    plain: links.plain,
    opt_in: c.opt_in_text === null ? null : links.opt_in,
    origins: c.allowed_origins,
  };
}

/** What the public script is called with: its settings and the two deep links; null when switched off. */
export function publicWidgetConfig(w: WidgetRow) {
  const c = JSON.parse(w.config) as WidgetConfig;
  if (!c.enabled) return null;
  return embedConfig(w.public_id, c, {
    plain: deepLink(w.plain_code),
    opt_in: w.opt_in_code ? deepLink(w.opt_in_code) : null,
  });
}

/**
 * The console's preview of settings as they stand in its form, saved or not: the same script with
 * the saved widget's links (none before the first save: its codes are made by saving), on any
 * page; null when switched off.
 */
export function previewWidgetConfig(input: WidgetRequest, saved: WidgetRow | undefined) {
  const { phone_number_id: _number, ...c } = input;
  if (!c.enabled) return null;
  const links = {
    plain: saved ? deepLink(saved.plain_code) : "#",
    opt_in: saved?.opt_in_code ? deepLink(saved.opt_in_code) : "#",
  };
  return { ...embedConfig(saved?.public_id ?? "preview", c, links), origins: [] };
}

/** Text colour on the brand colour: white or near-black, whichever contrasts more (WCAG luminance). */
export function inkOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#111111";
}
