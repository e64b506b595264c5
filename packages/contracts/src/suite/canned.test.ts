import { describe, expect, it } from "vitest";
import { cannedVariables, renderCanned } from "./canned";

describe("canned responses", () => {
  it("fills the variables it knows and names the missing ones", () => {
    const body = "Hi {{customer_name}}, order {{ order_id }} ships today. — {{agent_name}}";
    expect(cannedVariables(body)).toEqual(["customer_name", "order_id", "agent_name"]);
    expect(renderCanned(body, { customer_name: "Ola", agent_name: "Piotr" })).toEqual({
      text: "Hi Ola, order {{ order_id }} ships today. — Piotr",
      missing: ["order_id"],
    });
    expect(renderCanned(body, { customer_name: "Ola", agent_name: "Piotr", order_id: "860198" }).missing).toEqual([]);
  });
});
