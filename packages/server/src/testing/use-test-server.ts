import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer, type TestServerOptions } from "./harness";

/**
 * The test server of a file (or of the describe block it is called in): started before its tests
 * and stopped after them by vitest's hooks, so the file does not repeat the pair. Call it before
 * the file's own hooks: its server is up when they run, and stops after theirs (vitest runs
 * afterAll hooks last-registered first).
 *
 * The answer stands for the server once it runs (every property is the running server's); using
 * it before, at collection time, is an error that says so.
 */
export function useTestServer(options: TestServerOptions = {}): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    const s = server;
    server = undefined;
    await s?.stop();
  });
  const running = (key: PropertyKey) => {
    if (!server) throw new Error(`the test server is not running (reading ${String(key)}): use it in a test or hook`);
    return server;
  };
  return new Proxy({} as TestServer, {
    get: (_, key) => Reflect.get(running(key), key),
    has: (_, key) => key in running(key),
    ownKeys: () => Reflect.ownKeys(running("its keys")),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(running(key), key);
      return d && { ...d, configurable: true };
    },
  });
}
