import type { Db } from "@openwaba/store";

export interface SaveNumbersProps {
  tenantId: string;
  connectionId: string;
  /** The WABA's numbers in the Cloud API's order: the first is every feature's default. */
  numbers: { id: string; display_phone_number: string; verified_name: string }[];
}

/** Stores a connection's numbers, or brings their names and order up to date. */
export async function saveNumbers(db: Db, p: SaveNumbersProps): Promise<void> {
  for (const [position, n] of p.numbers.entries()) {
    await db
      .insertInto("suite_numbers")
      .values({
        id: n.id,
        tenant_id: p.tenantId,
        connection_id: p.connectionId,
        display_phone_number: n.display_phone_number,
        verified_name: n.verified_name,
        position,
      })
      .onConflict((c) =>
        c
          .column("id")
          .doUpdateSet({ display_phone_number: n.display_phone_number, verified_name: n.verified_name, position }),
      )
      .execute();
  }
}
