import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeOutboundHttp } from "./node-outbound-http";

// A receiver on 127.0.0.1 that answers by path: a large body, a redirect, a slow answer, an echo.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/large") return res.end("x".repeat(100_000));
    if (req.url === "/redirect") return res.writeHead(302, { location: "/echo" }).end();
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 1000);
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () =>
      res
        .writeHead(201, { "content-type": "application/json" })
        .end(JSON.stringify({ method: req.method, agent: req.headers["user-agent"], body })),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const http = new NodeOutboundHttp();

describe("outbound requests through Node's fetch", () => {
  it("send the method, headers and body asked for, and answer the status, headers and body", async () => {
    const res = await http.request({
      url: `${base}/echo`,
      method: "POST",
      headers: { "user-agent": "test/1" },
      body: "hello",
      timeoutMs: 2000,
      redirect: "manual",
    });
    expect([res.status, res.ok, res.headers.get("content-type")]).toEqual([201, true, "application/json"]);
    expect(JSON.parse(await res.text())).toEqual({ method: "POST", agent: "test/1", body: "hello" });
  });

  it("read only the first bytes of a large answer when capped", async () => {
    const res = await http.request({ url: `${base}/large`, timeoutMs: 2000, redirect: "manual" });
    expect(await res.text({ maxBytes: 2048 })).toBe("x".repeat(2048));
  });

  it("answer a redirect itself with redirect manual, and what it points to with follow", async () => {
    const manual = await http.request({ url: `${base}/redirect`, timeoutMs: 2000, redirect: "manual" });
    expect([manual.status, manual.ok]).toEqual([302, false]);
    await manual.discard();
    const followed = await http.request({ url: `${base}/redirect`, timeoutMs: 2000, redirect: "follow" });
    expect(followed.status).toBe(201);
    expect(JSON.parse(await text(followed.stream()!))).toMatchObject({ method: "GET" });
  });

  it("reject with a TimeoutError when no answer comes in time", async () => {
    await expect(http.request({ url: `${base}/slow`, timeoutMs: 100, redirect: "manual" })).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });

  it("reject with fetch's own error, its cause kept, when nobody listens", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(
      http.request({ url: `http://127.0.0.1:${port}/`, timeoutMs: 2000, redirect: "manual" }),
    ).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });
  });
});
