import type { Availability, Db, UserRole } from "@openwaba/store";
import type { SuiteUser } from "../../auth/sessions";
import { newId } from "../../ids";

export interface AddPersonProps {
  tenantId: string;
  /** Lower-case; one account per email across tenants. */
  email: string;
  name: string;
  role: UserRole;
  /** `active` signs in with `passwordHash`; `invited` sets a password through `invitation` first. */
  status: "active" | "invited";
  passwordHash: string | null;
  availability: Availability;
  /** Open conversations they take at most (automatic assignment). */
  capacity: number;
  /** The hash of the invitation's token and when it expires. */
  invitation?: { tokenHash: string; expiresAt: number };
  /** When the account is made. */
  at: number;
}

/** A new person of a tenant, as stored. */
export async function addPerson(db: Db, p: AddPersonProps): Promise<SuiteUser> {
  const row: SuiteUser = {
    id: newId(),
    tenant_id: p.tenantId,
    email: p.email,
    name: p.name,
    role: p.role,
    password_hash: p.passwordHash,
    status: p.status,
    availability: p.availability,
    capacity: p.capacity,
    failed_logins: 0,
    locked_until: null,
    invite_token_hash: p.invitation?.tokenHash ?? null,
    invite_expires_at: p.invitation?.expiresAt ?? null,
    last_assigned_at: null,
    created_at: p.at,
  };
  await db.insertInto("suite_users").values(row).execute();
  return row;
}
