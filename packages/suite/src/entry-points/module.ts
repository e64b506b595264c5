import type { SuiteModule } from "../module";
import { consentFromEntryPoint, registerEntryPointRoutes } from "./entry-points";

/** Entry points: the prefilled text of an opt-in QR code or link records the customer's consent. */
export const entryPointsModule: SuiteModule = {
  name: "entry-points",
  routes: registerEntryPointRoutes,
  async onCustomerMessage(suite, tx, e) {
    if (e.text !== null) await consentFromEntryPoint(suite, tx, e.tenantId, e.phoneNumberId, e.message.from, e.text);
    return undefined;
  },
};
