import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import { newId } from "../../ids";

/** A routing rule: conversations matching its conditions go to its team. */
export interface RoutingRuleInput {
  name: string;
  team_id: string;
  conditions: Record<string, unknown>;
}

export interface ReplaceRoutingRulesProps {
  tenantId: string;
  /** The whole ordered list (the first that matches wins); each rule's team must be the tenant's. */
  rules: RoutingRuleInput[];
  /** When they are saved. */
  at: number;
}

/** Replaces a tenant's routing rules as a whole; a team of another tenant (or none) is refused, naming the rule. */
export async function replaceRoutingRules(tx: Db, p: ReplaceRoutingRulesProps): Promise<void> {
  const teams = new Set(
    (await tx.selectFrom("suite_teams").select("id").where("tenant_id", "=", p.tenantId).execute()).map((t) => t.id),
  );
  const bad = p.rules.findIndex((r) => !teams.has(r.team_id));
  if (bad >= 0)
    throw new SuiteError(400, "invalid_request", `rules.${bad}.team_id: no team of this tenant has that id.`, {
      field: `rules.${bad}.team_id`,
    });
  await tx.deleteFrom("suite_routing_rules").where("tenant_id", "=", p.tenantId).execute();
  if (p.rules.length)
    await tx
      .insertInto("suite_routing_rules")
      .values(
        p.rules.map((r, i) => ({
          id: newId(),
          tenant_id: p.tenantId,
          position: i,
          name: r.name,
          team_id: r.team_id,
          conditions: JSON.stringify(r.conditions),
          created_at: p.at,
        })),
      )
      .execute();
}
