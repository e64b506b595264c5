import { makeEntryPoint } from "../../entry-points/commands/make-entry-point";
import { removeEntryPoint } from "../../entry-points/commands/remove-entry-point";
import { tenantNumber } from "../../tenant/tenant-number";
import { SuiteError } from "../../errors";
import { randomSecret } from "../../ids";
import type { Suite } from "../../suite";
import { optInMessage, type WidgetRequest } from "@openwaba/contracts/suite";
import { loadWidget, type WidgetRow } from "../widget-settings";

export interface SaveWidgetProps {
  tenantId: string;
  /** The settings as the admin saves them (checked already). */
  input: WidgetRequest;
}

/**
 * Saves a tenant's widget. Its codes (a plain one, and an opt-in one whose message carries the
 * opt-in wording) are made through the entry points' own path only when the number or a message
 * changed; the codes they replace are deleted after the new settings are stored, so the script
 * never links to a code that is gone. Of two saves at once, the later one gets a 409 and its new
 * codes are deleted again.
 */
export async function saveWidget(suite: Suite, p: SaveWidgetProps): Promise<WidgetRow> {
  const { tenantId, input } = p;
  const old = await loadWidget(suite.db, tenantId);
  // No number named: the widget's own, else the tenant's first.
  const number = await tenantNumber(suite.db, tenantId, input.phone_number_id ?? old?.phone_number_id);
  const oldCodes = old ? [old.plain_code, old.opt_in_code].filter((c): c is string => !!c) : [];
  const current = oldCodes.length
    ? await suite.db
        .selectFrom("suite_entry_points")
        .select(["code", "phone_number_id", "prefilled_message"])
        .where("tenant_id", "=", tenantId)
        .where("code", "in", oldCodes)
        .execute()
    : [];
  const made: string[] = [];
  const codeFor = async (code: string | null | undefined, message: string, optIn: boolean): Promise<string> => {
    const same = current.find(
      (e) => e.code === code && e.phone_number_id === number.id && e.prefilled_message === message,
    );
    if (same) return same.code;
    const e = await makeEntryPoint(suite, {
      tenantId,
      spec: { phone_number_id: number.id, prefilled_message: message, opt_in: optIn, source: "widget" },
    });
    made.push(e.code);
    return e.code;
  };

  let row: WidgetRow;
  try {
    const plain = await codeFor(old?.plain_code, input.prefilled_message, false);
    const optIn =
      input.opt_in_text === null
        ? null
        : await codeFor(old?.opt_in_code, optInMessage(input.prefilled_message, input.opt_in_text), true);
    const { phone_number_id: _number, ...config } = input;
    row = {
      tenant_id: tenantId,
      public_id: old?.public_id ?? randomSecret(15),
      phone_number_id: number.id,
      config: JSON.stringify(config),
      plain_code: plain,
      opt_in_code: optIn,
      version: (old?.version ?? 0) + 1,
      updated_at: suite.clock.now(),
    };
    const stored = old
      ? (
          await suite.db
            .updateTable("suite_widgets")
            .set(row)
            .where("tenant_id", "=", tenantId)
            .where("version", "=", old.version)
            .executeTakeFirst()
        ).numUpdatedRows
      : (
          await suite.db
            .insertInto("suite_widgets")
            .values(row)
            .onConflict((oc) => oc.column("tenant_id").doNothing())
            .executeTakeFirst()
        ).numInsertedOrUpdatedRows;
    if (!Number(stored ?? 0))
      throw new SuiteError(409, "conflict", "Someone else saved the widget meanwhile; reload it and save again.");
  } catch (err) {
    await Promise.allSettled(made.map((code) => removeEntryPoint(suite, { tenantId, code })));
    throw err;
  }
  for (const code of oldCodes) {
    if (code === row.plain_code || code === row.opt_in_code) continue;
    // One that cannot be deleted now stays listed with the entry points, to be deleted from there.
    await removeEntryPoint(suite, { tenantId, code }).catch((err) =>
      suite.log.warn({ err, code }, "a replaced widget code could not be deleted"),
    );
  }
  return row;
}
