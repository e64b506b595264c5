import { randomInt } from "node:crypto";
import { GraphError } from "@openwaba/contracts";
import type { OutboundHttp } from "@openwaba/store";

/**
 * Meta's verification handshake (§5): GET the callback with hub.mode, hub.challenge and
 * hub.verify_token; it must answer 200 with the challenge. Anything else refuses the URL (2200).
 */
export async function verifyCallback(
  http: OutboundHttp,
  callbackUrl: string,
  verifyToken: string,
  timeoutMs = 5000,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new GraphError(100, `Param callback_url must be a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new GraphError(100, "Param callback_url must be an http or https URL.");
  const challenge = String(randomInt(100_000_000, 2_000_000_000));
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.challenge", challenge);
  url.searchParams.set("hub.verify_token", verifyToken);
  let status = 0,
    text = "";
  try {
    const res = await http.request({
      url,
      headers: { "user-agent": "facebookplatform/1.0 (+http://developers.facebook.com)" },
      timeoutMs,
      redirect: "follow",
    });
    status = res.status;
    text = (await res.text()).trim();
  } catch (err) {
    throw new GraphError(
      2200,
      `Callback verification failed with the following errors: curl_errno = 7; curl_error = ${(err as Error).message}`,
    );
  }
  if (status !== 200)
    throw new GraphError(2200, `Callback verification failed with the following errors: HTTP Status Code = ${status}`);
  if (text !== challenge)
    throw new GraphError(
      2200,
      "Callback verification failed with the following errors: The URL couldn't be validated. Response does not match challenge, expected value=\"" +
        challenge +
        '", received="' +
        text.slice(0, 40) +
        '"',
    );
}
