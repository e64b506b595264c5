import { z } from "zod";
import { MAX_PREFILLED_MESSAGE } from "./entry-points";

// The website chat widget's settings as the console sends them (packages/suite/src/widget): what the
// shop's visitors see, which number they reach and with which message. Texts are shown as text by the
// script; the colour is checked here because it goes into CSS.

/** Between the customer's message and the opt-in wording in the opt-in code's prefilled message. */
const OPT_IN_MARK = "\n✓ ";

/** The opt-in code's message: the customer sends the opt-in wording themselves, in their own chat. */
export const optInMessage = (prefilled: string, optInText: string) => `${prefilled}${OPT_IN_MARK}${optInText}`;

/** An origin exactly as browsers report `location.origin` (scheme, host, port; no path). */
const origin = z
  .string()
  .trim()
  .max(200)
  .transform((s, ctx) => {
    try {
      const u = new URL(s);
      if (
        (u.protocol === "https:" || u.protocol === "http:") &&
        u.pathname === "/" &&
        !u.search &&
        !u.hash &&
        !u.username &&
        !u.password
      )
        return u.origin;
    } catch {
      /* reported below */
    }
    ctx.addIssue({
      code: "custom",
      message: "an origin such as https://shop.example (scheme, host and port; no path)",
    });
    return z.NEVER;
  })
  .describe("An origin, https://shop.example");

/** PUT /suite/api/settings/widget and …/preview: what the form sends, defaults filled in. */
export const widgetRequest = z
  .strictObject({
    enabled: z.boolean().default(true),
    phone_number_id: z.string().min(1).optional(),
    title: z.string().trim().min(1).max(60).default("Chat with us"),
    greeting: z.string().trim().min(1).max(300).default("Hi! How can we help you?"),
    button_label: z.string().trim().min(1).max(40).default("Chat on WhatsApp"),
    start_label: z.string().trim().min(1).max(40).default("Start chat"),
    brand_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb")
      .transform((c) => c.toLowerCase())
      .default("#25d366"),
    position: z.enum(["bottom-right", "bottom-left"]).default("bottom-right"),
    prefilled_message: z.string().trim().min(1).max(MAX_PREFILLED_MESSAGE),
    /** The checkbox's text; null: no checkbox and no opt-in code. */
    opt_in_text: z.string().trim().min(1).max(100).nullable().default("Send me offers on WhatsApp"),
    allowed_origins: z.array(origin).max(20).default([]),
  })
  .superRefine((w, ctx) => {
    if (w.opt_in_text !== null && optInMessage(w.prefilled_message, w.opt_in_text).length > MAX_PREFILLED_MESSAGE) {
      ctx.addIssue({
        code: "custom",
        path: ["opt_in_text"],
        message: `with prefilled_message it makes the opt-in code's message, which may have at most ${MAX_PREFILLED_MESSAGE - OPT_IN_MARK.length} characters in all`,
      });
    }
  });
export type WidgetRequest = z.infer<typeof widgetRequest>;
