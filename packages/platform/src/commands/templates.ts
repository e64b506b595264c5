import { GraphError } from "@openwaba/contracts";
import type { Platform } from "../platform";

/**
 * Looks up an approved template for sending. The template store arrives with the template
 * engine; until then every name is unknown and the send fails as Meta's does (132001, HTTP 404).
 */
export async function findTemplate(_platform: Platform, _wabaId: string, name: string, language: string): Promise<never> {
  throw new GraphError(132001, `template name (${name}) does not exist in ${language}`);
}
