// OpenWABA's simulator of WhatsApp users (not on Meta): make users, write as them, read their phone, travel in time.

export class SimulatorClient {
  constructor(private readonly c: { baseUrl: string; token: string }) {}

  private async call(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(`${this.c.baseUrl.replace(/\/$/, "")}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.c.token}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  createUser(waId: string, o: { name?: string; read_probability?: number; online?: boolean } = {}) {
    return this.call("POST", "/simulator/users", { wa_id: waId, ...o });
  }
  /** The user writes text to a business number; the inbound message's wamid. */
  async say(waId: string, phoneNumberId: string, text: string): Promise<string> {
    return (
      await this.call("POST", `/simulator/users/${waId}/messages`, {
        to: phoneNumberId,
        type: "text",
        text: { body: text },
      })
    ).messages[0].id;
  }
  /** What the user's phone shows of the chat with a business number. */
  chat(waId: string, phoneNumberId: string) {
    return this.call("GET", `/simulator/users/${waId}/chats/${phoneNumberId}`);
  }
  /** Moves the server's clock forward (windows, quality, tiers…). */
  advanceClock(ms: number) {
    return this.call("POST", "/simulator/clock/advance", { ms });
  }
}
