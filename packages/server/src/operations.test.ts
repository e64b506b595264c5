import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, text, type TestServer } from "./testing/harness";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("operations", () => {
  it("GET /health answers with the database engine", async () => {
    const r = await s.call("GET", "/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "ok", database: expect.stringMatching(/^(sqlite|postgres)$/) });
  });

  it("GET /metrics counts accepted and refused sends by code, in Prometheus text", async () => {
    await openWindow(s, "4860055500");
    await s.call("POST", `/${s.phone}/messages`, text("4860055500"));
    await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: "4860055500",
      text: { body: "" },
    });
    const res = await fetch(`${s.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const m = await res.text();
    expect(m).toMatch(/openwaba_sends_accepted_total\{type="text"\} 1/);
    expect(m).toMatch(/openwaba_sends_refused_total\{code="100"\} 1/);
    expect(m).toMatch(/openwaba_http_request_duration_seconds_bucket\{.*route="\/:version\/:id\/messages"/);
    expect(m).toMatch(/openwaba_outbox_oldest_age_seconds/);
  });

  it("GET /openapi.json describes the surface from the contract schemas", async () => {
    const r = await s.call("GET", "/openapi.json");
    expect(r.body.openapi).toBe("3.1.0");
    const send =
      r.body.paths["/{version}/{phone_number_id}/messages"].post.requestBody.content["application/json"].schema.oneOf;
    const text = send.find((x: any) => x.properties?.type?.const === "text");
    expect(text.properties.text.properties.body.maxLength).toBe(4096);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(["/simulator/users/{wa_id}/messages", "/{version}/{waba_id}/subscribed_apps"]),
    );
  });
});
