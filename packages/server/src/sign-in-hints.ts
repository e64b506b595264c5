import { relative, isAbsolute } from "node:path";
import type { FastifyInstance } from "fastify";

/** Where the first admin's password is, as a person on this machine would open it ("data/dev-credentials.json"). */
export function credentialsFileWords(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/**
 * GET /suite/api/sign-in (no session): what the sign-in page may say before anyone signs in. Only
 * a server that runs the development tenant on a developer's box (not NODE_ENV=production) says
 * where its first admin's password is; any other answers null, so its people never see the hint.
 */
export function registerSignInHints(app: FastifyInstance, devCredentialsFile: () => string | null): void {
  app.get("/suite/api/sign-in", async (_req, reply) =>
    reply.header("cache-control", "no-store").send({ dev_credentials_file: devCredentialsFile() }),
  );
}
