import { z } from "zod";
import { listedPhoneNumber } from "../phone-numbers/phone-number-node";

// The tenant's business numbers as the suite lists them (packages/suite/src/inbox/platform.routes.ts):
// the Cloud API's list of each WABA, passed through.

export type { ListedPhoneNumber } from "../phone-numbers/phone-number-node";

/** GET /suite/api/numbers. */
export const numberList = z.object({ data: z.array(listedPhoneNumber) });
export type NumberList = z.infer<typeof numberList>;

/** GET /suite/api/numbers/{id}/profile: the number's business profile as the Cloud API answers it. */
export type { BusinessProfile } from "../phone-numbers/business-profile";
