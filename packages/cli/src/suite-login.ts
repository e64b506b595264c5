import { SuiteClient } from "@openwaba/sdk";
import type { Connection } from "./connection";

/** The suite's API for the CLI: an API key (OPENWABA_API_KEY) if given, else the console login of the credentials file. */
export async function suiteClient(c: Connection): Promise<SuiteClient> {
  const key = process.env.OPENWABA_API_KEY;
  if (key) return new SuiteClient(c.url, key);
  if (!c.consoleEmail || !c.consolePassword)
    throw new Error("the credentials have no console_email / console_password (or set OPENWABA_API_KEY)");
  const suite = new SuiteClient(c.url);
  await suite.signIn(c.consoleEmail, c.consolePassword);
  return suite;
}
