import type { Command } from "commander";

// `openwaba start`: the server of the checkout the command runs in — its built main, the very
// program `npm start` runs — never a copy. An install of the CLI package alone has no server.

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("start the OpenWABA server, as npm start does (PORT, HOST, OPENWABA_DATA_DIR… alike)")
    .action(async () => {
      try {
        await import("@openwaba/server/main");
      } catch (err) {
        throw new Error(whyNotStarted(err as NodeJS.ErrnoException));
      }
    });
}

function whyNotStarted(err: NodeJS.ErrnoException): string {
  const message = String(err?.message ?? err);
  if (err?.code !== "ERR_MODULE_NOT_FOUND") return message;
  if (message.includes("'@openwaba/server'"))
    return "openwaba start runs the server of an OpenWABA checkout (npm start there); this install has the client commands only";
  if (/server\/dist\/main\.js'/.test(message))
    return "the server is not built: run npm run build (npm install does it)";
  return message;
}
