// The one place JSON columns are written and read, so the storage form can change in one spot.
export const toJson = (value: unknown): string => JSON.stringify(value);
export const fromJson = <T>(text: string | null | undefined, fallback: T): T =>
  text == null || text === "" ? fallback : (JSON.parse(text) as T);
