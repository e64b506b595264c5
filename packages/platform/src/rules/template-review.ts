import type { TemplateCategory, TemplateComponent } from "@openwaba/contracts";
import type { RejectionReason } from "../templates/review-decision";

// The review engine (issue #3, item 2): deterministic and explainable. Each rule looks at the
// template's text and says what it found; the first rule that fires decides. The rules, with
// examples, are listed in docs/template-review.md.

export interface ReviewInput {
  name: string;
  category: TemplateCategory;
  components: TemplateComponent[];
}

export type ReviewOutcome =
  | {
      event: "APPROVED";
      rule: string;
      category: TemplateCategory;
      recategorised?: { from: TemplateCategory; why: string };
    }
  | {
      event: "REJECTED";
      rule: string;
      reason: RejectionReason;
      explanation: { reason: string; recommendation: string };
    };

/** All the text a recipient would read: header, body, footer, button labels and URLs. */
export function templateText(components: TemplateComponent[]): string {
  const parts: string[] = [];
  for (const c of components) {
    if (c.type === "BUTTONS")
      for (const b of c.buttons) parts.push("text" in b && b.text ? b.text : "", "url" in b ? b.url : "");
    else if ("text" in c && c.text) parts.push(c.text);
  }
  return parts.filter(Boolean).join("\n");
}

const words = (list: string[]) => new RegExp(`(^|[^\\p{L}])(${list.join("|")})(?=$|[^\\p{L}])`, "iu");

/** Link shorteners hide where a link goes; Meta refuses them. */
const SHORTENERS =
  /\b(bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly|cutt\.ly|shorturl\.at|rebrand\.ly|tiny\.cc|s\.id|rb\.gy)\//i;

/** Asking for secrets or money the way scams do. */
const SCAM = words([
  "password",
  "pin code",
  "cvv",
  "card number",
  "seed phrase",
  "gift card",
  "wire transfer",
  "you have won",
  "you won",
  "lottery",
  "claim your prize",
  "hasło",
  "wygrałeś",
  "пароль",
  "вы выиграли",
  "contrasenya",
  "has guanyat",
  "hai vinto",
  "contraseña",
  "has ganado",
]);

/** Threats and slurs: a short, documented list, not a moderation system. */
const ABUSIVE = words(["kill you", "idiot", "stupid", "hate you", "убью", "idiota", "zabiję"]);

/** Promotional wording in the languages of the market articles and English. */
const PROMOTIONAL = words([
  "discount",
  "\\d+\\s?% off",
  "sale",
  "special offer",
  "buy now",
  "shop now",
  "limited time",
  "free shipping",
  "coupon",
  "promo",
  "deal",
  "exclusive offer",
  "black friday",
  "zniżka",
  "promocja",
  "wyprzedaż",
  "kup teraz",
  "скидка",
  "распродажа",
  "акция",
  "купите сейчас",
  "descompte",
  "rebaixes",
  "oferta",
  "compra ara",
  "sconto",
  "saldi",
  "offerta",
  "acquista ora",
  "descuento",
  "rebajas",
  "compra ahora",
]);

/** A utility message is about something the user did or has: an order, a booking, an account… */
const TRANSACTIONAL = words([
  "order",
  "booking",
  "appointment",
  "reservation",
  "delivery",
  "shipment",
  "parcel",
  "payment",
  "invoice",
  "receipt",
  "account",
  "ticket",
  "subscription",
  "refund",
  "tracking",
  "zamówienie",
  "rezerwacja",
  "wizyta",
  "dostawa",
  "przesyłka",
  "płatność",
  "faktura",
  "konto",
  "заказ",
  "бронирование",
  "запись",
  "доставка",
  "посылка",
  "оплата",
  "счёт",
  "счет",
  "аккаунт",
  "comanda",
  "reserva",
  "cita",
  "lliurament",
  "enviament",
  "pagament",
  "factura",
  "compte",
  "ordine",
  "prenotazione",
  "appuntamento",
  "consegna",
  "spedizione",
  "pagamento",
  "fattura",
  "pedido",
  "entrega",
  "envío",
  "pago",
  "cuenta",
]);

/** Decides a review. Pure: the same template always gets the same outcome. */
export function reviewTemplate(t: ReviewInput): ReviewOutcome {
  const text = templateText(t.components);
  const found = (re: RegExp) => re.exec(text)?.[0]?.trim();
  const shortener = found(SHORTENERS);
  if (shortener) {
    return {
      event: "REJECTED",
      rule: "url-shortener",
      reason: "INVALID_FORMAT",
      explanation: {
        reason: `The template links through a URL shortener (${shortener.replace(/\/$/, "")}), which hides where the link goes.`,
        recommendation: "Use the full URL of your own domain.",
      },
    };
  }
  const scam = found(SCAM);
  if (scam) {
    return {
      event: "REJECTED",
      rule: "scam-wording",
      reason: "SCAM",
      explanation: {
        reason: `The template contains "${scam}", wording used to ask for secrets or money or to promise prizes.`,
        recommendation: "Never ask for passwords, PINs or card details over WhatsApp, and don't announce prizes.",
      },
    };
  }
  const abuse = found(ABUSIVE);
  if (abuse) {
    return {
      event: "REJECTED",
      rule: "abusive-content",
      reason: "ABUSIVE_CONTENT",
      explanation: {
        reason: `The template contains "${abuse}".`,
        recommendation: "Remove threatening or insulting language.",
      },
    };
  }
  if (t.category !== "MARKETING") {
    const promo = found(PROMOTIONAL);
    if (promo)
      return {
        event: "APPROVED",
        rule: "promotional-wording",
        category: "MARKETING",
        recategorised: { from: t.category, why: `promotional wording ("${promo}")` },
      };
  }
  if (t.category === "UTILITY" && !found(TRANSACTIONAL)) {
    return {
      event: "APPROVED",
      rule: "utility-without-transaction",
      category: "MARKETING",
      recategorised: {
        from: "UTILITY",
        why: "it refers to no order, booking, account or other transaction of the user",
      },
    };
  }
  return { event: "APPROVED", rule: "none", category: t.category };
}
