/**
 * A LIKE pattern (with `escape '\'`) that finds `fragment` anywhere in a text, on both databases:
 * the user's %, _ and \ match themselves.
 */
export const containing = (fragment: string) => `%${fragment.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
