import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Roles are decided in one place (auth/policies.ts): a handler names an action, and no other
// source compares a role or lists roles. This reads the suite's source and names each place that does.

const root = new URL("..", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
// The policy itself, the list of roles a person may be given, and the first admin made on first start.
const ALLOWED = new Set(["auth/policies.ts", "auth/sessions.ts", "tenant/dev-admin.ts"]);
const ROLE_CHECK = /\.role\s*[!=]==|\[\s*"(?:admin|supervisor|agent)"\s*(?:,\s*"(?:admin|supervisor|agent)"\s*)*\]/;

describe("roles", () => {
  it("are compared only by the policies", () => {
    const found = sources(root)
      .map((p) => relative(root, p))
      .filter((p) => !ALLOWED.has(p))
      .flatMap((p) =>
        readFileSync(join(root, p), "utf8")
          .split("\n")
          .flatMap((line, i) => (ROLE_CHECK.test(line) ? [`${p}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
