import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "../dialect";
import * as foundation from "./001-foundation";
import * as messageWindow from "./002-message-window";
import * as templates from "./003-templates";
import * as templateReview from "./004-template-review";
import * as messagePricing from "./005-message-pricing";
import * as consents from "./006-consents";
import * as billing from "./007-billing-ledger";
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
import * as suiteCampaigns from "./024-suite-campaigns";
import * as suiteWidget from "./023-suite-widget";
import * as suiteNumberOrder from "./025-suite-number-order";
import * as conversationReads from "./027-conversation-reads";

// Migrations are code (no files to locate at run time); each takes the dialect for the few
// column types that differ.
const all: Record<string, { up(db: Kysely<any>, d: Dialect): Promise<void> }> = {
  "001-foundation": foundation,
  "002-message-window": messageWindow,
  "003-templates": templates,
  "004-template-review": templateReview,
  "005-message-pricing": messagePricing,
  "006-consents": consents,
  "007-billing-ledger": billing,
  "008-quality-signals": qualitySignals,
  "009-template-quality": templateQuality,
  "010-messaging-limits": messagingLimits,
  "011-pricing-models": pricingModels,
  "012-tier-upgrades": tierUpgrades,
  "013-template-quality-reviews": templateQualityReviews,
  "014-suite-inbox": suiteInbox,
  "015-suite-alerts": suiteAlerts,
  "016-suite-marketing-preferences": suiteMarketingPreferences,
  "017-messages-by-time": messagesByTime,
  "018-suite-contacts": suiteContacts,
  "019-suite-faq": suiteFaq,
  "020-message-qrdls": messageQrdls,
  "021-suite-entry-points": suiteEntryPoints,
  "022-suite-flows": suiteFlows,
  "023-suite-widget": suiteWidget,
  "024-suite-campaigns": suiteCampaigns,
  "025-suite-number-order": suiteNumberOrder,
  "026-suite-one-consent": await import("./026-suite-one-consent"),
  "027-conversation-reads": conversationReads,
  "028-suite-faq-alternatives": await import("./028-suite-faq-alternatives"),
  "029-suite-whatsapp-stops": await import("./029-suite-whatsapp-stops"),
};

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(all)) out[name] = { up: (k) => m.up(k, dialect) };
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
