import type { TenantLock } from "./tenant-lock";

/** SQLite has one writer at a time: a write transaction holds every tenant already. */
export const sqliteTenantLock: TenantLock = {
  async lock() {},
};
