import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "../dialect";
import * as foundation from "./001-foundation";
import * as messageWindow from "./002-message-window";
import * as templates from "./003-templates";
import * as templateReview from "./004-template-review";
import * as messagePricing from "./005-message-pricing";
import * as consents from "./006-consents";
import * as billingLedger from "./007-billing-ledger";
import * as qualitySignals from "./008-quality-signals";
import * as templateQuality from "./009-template-quality";
import * as messagingLimits from "./010-messaging-limits";
import * as pricingModels from "./011-pricing-models";
import * as tierUpgrades from "./012-tier-upgrades";
import * as templateQualityReviews from "./013-template-quality-reviews";
import * as suiteInbox from "./014-suite-inbox";
import * as suiteAlerts from "./015-suite-alerts";
import * as suiteMarketingPreferences from "./016-suite-marketing-preferences";
import * as messagesByTime from "./017-messages-by-time";
import * as suiteContacts from "./018-suite-contacts";
import * as suiteFaq from "./019-suite-faq";
import * as messageQrdls from "./020-message-qrdls";
import * as suiteEntryPoints from "./021-suite-entry-points";
import * as suiteFlows from "./022-suite-flows";
import * as suiteWidget from "./023-suite-widget";
import * as suiteCampaigns from "./024-suite-campaigns";
import * as suiteNumberOrder from "./025-suite-number-order";
import * as suiteOneConsent from "./026-suite-one-consent";
import * as conversationReads from "./027-conversation-reads";
import * as suiteFaqAlternatives from "./028-suite-faq-alternatives";
import * as suiteWhatsappStops from "./029-suite-whatsapp-stops";

/** One step of the schema's history: its name is what Kysely records as applied. */
export interface SchemaMigration {
  readonly name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

// The schema's history, oldest first. Migrations are code (no files to locate at run time), so
// each is listed here; each names itself (the name is its file's), so an entry can never carry
// another migration's name. Kysely runs them in the order of their names and records each name as
// applied: a name must never change once released. migrations.test.ts checks that every file in
// this folder is listed, under its own file name, once and in order. The list is checked rather
// than read from the folder at run time so that migrations stay plain imports: type-checked, and
// found by any loader or bundler.
export const MIGRATIONS: readonly SchemaMigration[] = [
  foundation,
  messageWindow,
  templates,
  templateReview,
  messagePricing,
  consents,
  billingLedger,
  qualitySignals,
  templateQuality,
  messagingLimits,
  pricingModels,
  tierUpgrades,
  templateQualityReviews,
  suiteInbox,
  suiteAlerts,
  suiteMarketingPreferences,
  messagesByTime,
  suiteContacts,
  suiteFaq,
  messageQrdls,
  suiteEntryPoints,
  suiteFlows,
  suiteWidget,
  suiteCampaigns,
  suiteNumberOrder,
  suiteOneConsent,
  conversationReads,
  suiteFaqAlternatives,
  suiteWhatsappStops,
];

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of MIGRATIONS) out[m.name] = { up: (k) => m.up(k, dialect) };
      return out;
    },
  };
  // On PostgreSQL the migration tables are looked for in our own schema: Kysely's check would
  // otherwise find another schema's tables in the same database and skip creating ours.
  const { error } = await new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (error) throw error;
}
