import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTemplateRequest, editTemplateRequest, markReadRequest, ROUTE_DOCS } from "@openwaba/contracts";
import { z } from "zod";
import { startTestServer, type TestServer } from "../testing/harness";
import { isDocumented, joinRoutes } from "./openapi-document";
import { pathShape, registeredRoutes } from "./registered-routes";

let s: TestServer;
let doc: any;
beforeAll(async () => {
  s = await startTestServer();
  doc = (await s.call("GET", "/openapi.json")).body;
});
afterAll(() => s.stop());

const contract = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe("/openapi.json covers every route", () => {
  it("collects the routes the server really registered, from every surface", () => {
    const keys = registeredRoutes(s.app).map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "POST /{version}/{id}/messages",
        "GET /openwaba/webhooks/dead-letters",
        "POST /simulator/users/{waId}/messages",
        "GET /suite/api/conversations/{id}",
        "GET /{version}/upload:{session}",
        "GET /health",
      ]),
    );
    expect(keys.length).toBeGreaterThan(150);
  });

  it("has an entry for every registered route", () => {
    const { missing } = joinRoutes(registeredRoutes(s.app));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("has no entry for a route the server does not register (stale documentation)", () => {
    const { stale } = joinRoutes(registeredRoutes(s.app));
    expect(stale).toEqual([]);
  });

  it("lists each documented route once in the document, and nothing undocumented", () => {
    const served = new Set(operations().map(({ key }) => `${key.split(" ")[0]} ${pathShape(key.split(" ")[1])}`));
    for (const r of registeredRoutes(s.app).filter(isDocumented))
      expect(served, `${r.method} ${r.path}`).toContain(`${r.method} ${pathShape(r.path)}`);
    expect(operations().filter(({ op }) => op["x-undocumented"])).toEqual([]);
  });

  it("never names one path template twice (OpenAPI takes /{a}/x and /{b}/x for the same path)", () => {
    const shapes = Object.keys(doc.paths).map(pathShape);
    expect(shapes.filter((p, i) => shapes.indexOf(p) !== i)).toEqual([]);
  });

  it("leaves out only HEAD (Fastify's twin of each GET) and the suite's catch-all 404", () => {
    const left = registeredRoutes(s.app).filter((r) => !isDocumented(r));
    expect(new Set(left.filter((r) => r.method !== "HEAD").map((r) => r.path))).toEqual(new Set(["/suite/api/{path}"]));
  });
});

describe("/openapi.json is a useful document", () => {
  it("is OpenAPI 3.1 with this server, the error envelopes and the real security schemes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: s.url }]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["GraphError", "SuiteError"]));
    expect(doc.components.securitySchemes.graphToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.suiteSession).toMatchObject({ in: "cookie", name: "openwaba_session" });
    expect(doc.components.securitySchemes.suiteCsrf).toMatchObject({ in: "header", name: "x-csrf-token" });
  });

  it("gives every operation a summary, a tag, security and responses with a described success", () => {
    for (const { key, op } of operations()) {
      expect(op.summary, key).toEqual(expect.any(String));
      expect(op.tags, key).toHaveLength(1);
      expect(op.security, key).toEqual(expect.any(Array));
      const codes = Object.keys(op.responses ?? {});
      expect(
        codes.some((c) => /^[23]\d\d$/.test(c)),
        key,
      ).toBe(true);
      for (const c of codes) expect(op.responses[c].description, `${key} ${c}`).toEqual(expect.any(String));
    }
  });

  it("declares every path parameter of every operation", () => {
    for (const { key, op } of operations()) {
      const names = [...key.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p: any) => p.in === "path").map((p: any) => p.name);
      expect(declared.sort(), key).toEqual(names.sort());
    }
  });

  it("never claims an empty schema is a JSON answer's shape", () => {
    for (const { key, op } of operations())
      for (const [code, r] of Object.entries<any>(op.responses)) {
        const schema = r.content?.["application/json"]?.schema;
        if (schema) expect(Object.keys(schema).length, `${key} ${code}`).toBeGreaterThan(0);
      }
  });

  it("documents request bodies with the contracts' schemas where they exist", () => {
    const body = (key: string) => {
      const [method, path] = key.split(" ");
      return doc.paths[path][method.toLowerCase()].requestBody.content["application/json"].schema;
    };
    const send = body("POST /{version}/{phone_number_id}/messages").oneOf;
    expect(send).toContainEqual(contract(markReadRequest));
    expect(send.find((x: any) => x.properties?.type?.const === "text").properties.text.properties.body.maxLength).toBe(
      4096,
    );
    expect(body("POST /{version}/{waba_id}/message_templates")).toEqual(contract(createTemplateRequest));
    expect(body("POST /{version}/{id}")).toEqual(contract(editTemplateRequest));
    expect(body("POST /suite/api/templates")).toEqual(contract(createTemplateRequest));
    expect(body("POST /suite/api/templates/{id}")).toEqual(contract(editTemplateRequest));
  });

  it("documents writes with a body when the handler reads one", () => {
    // Writes that take nothing but their path (claim, pause, logout…) are named here, so a new
    // write without a documented body fails until it is looked at.
    const bodiless = new Set([
      "DELETE",
      "POST /suite/api/logout",
      "POST /suite/api/conversations/{id}/claim",
      "POST /suite/api/conversations/{id}/typing",
      "POST /suite/api/conversations/{id}/read",
      "POST /suite/api/campaigns/{id}/send",
      "POST /suite/api/campaigns/{id}/pause",
      "POST /suite/api/campaigns/{id}/resume",
      "POST /suite/api/campaigns/{id}/cancel",
      "POST /suite/api/flow-runs/{id}/stop",
      "POST /suite/api/alerts/read",
      "POST /openwaba/webhooks/deliveries/{id}/resend",
      "POST /{version}/{app_id}/uploads",
    ]);
    for (const key of Object.keys(ROUTE_DOCS)) {
      if (key.startsWith("GET ") || bodiless.has(key) || bodiless.has(key.split(" ")[0])) continue;
      expect(ROUTE_DOCS[key].requestBody, key).toBeDefined();
    }
  });
});
