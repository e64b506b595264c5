import { describe, expect, it } from "vitest";
import { behaviourFor, population } from "./profiles";

const s = { seed: "7", latency: "realistic" as const, notOnWhatsappShare: 0.05 };

describe("simulated users", () => {
  it("are the same for the same seed and number", () => {
    expect(behaviourFor(s, "48600100200")).toEqual(behaviourFor(s, "48600100200"));
    expect(behaviourFor(s, "48600100200").country).toBe("PL");
  });
  it("leave a share of numbers off WhatsApp, near the configured share", () => {
    const off = Array.from({ length: 4000 }, (_, i) => behaviourFor(s, String(48500000000 + i))).filter(
      (b) => !b.onWhatsapp,
    ).length;
    expect(off / 4000).toBeGreaterThan(0.03);
    expect(off / 4000).toBeLessThan(0.07);
    expect(
      Array.from({ length: 500 }, (_, i) => behaviourFor({ ...s, notOnWhatsappShare: 0 }, String(i + 1000000))).every(
        (b) => b.onWhatsapp,
      ),
    ).toBe(true);
  });
  it("have no delays in zero-latency mode and positive ones otherwise", () => {
    const z = behaviourFor({ ...s, latency: "zero" }, "4915112345678");
    expect([z.deliveryMs, z.readMs]).toEqual([0, 0]);
    const b = behaviourFor(s, "4915112345678");
    expect(b.deliveryMs).toBeGreaterThan(0);
    expect(b.readMs).toBeGreaterThan(0);
  });
  it("make a seeded population of distinct numbers across markets", () => {
    const p = population(s, 24);
    expect(p).toHaveLength(24);
    expect(new Set(p.map((u) => u.waId)).size).toBe(24);
    expect(p.every((u) => /^\d{11,13}$/.test(u.waId))).toBe(true);
    expect(population(s, 24)).toEqual(p);
  });
  it("give every user of a population a name of their own, from their country, the same under the same seed", () => {
    for (const count of [24, 400, 1000]) {
      const p = population(s, count);
      expect(new Set(p.map((u) => u.name)).size).toBe(p.length);
    }
    const p = population(s, 24);
    const polish = p.filter((u) => u.waId.startsWith("48"));
    expect(polish.length).toBeGreaterThan(0);
    // A Polish name: a Polish given name and family name, with the family name's female form for a woman.
    expect(
      polish.every((u) =>
        /^(Anna|Katarzyna|Magdalena|Agnieszka|Joanna|Monika|Piotr|Tomasz|Paweł|Krzysztof|Michał|Marcin) \S+$/.test(
          u.name,
        ),
      ),
    ).toBe(true);
    expect(
      population(s, 400)
        .filter((u) => /^(Anna|Katarzyna|Magdalena|Agnieszka|Joanna|Monika) /.test(u.name))
        .every((u) => !/ski$/.test(u.name)),
    ).toBe(true);
    expect(population({ ...s, seed: "8" }, 24).map((u) => u.name)).not.toEqual(p.map((u) => u.name));
    // The README's own customer is not one of the seeded ones.
    expect(population(s, 1000).map((u) => u.name)).not.toContain("Jan Kowalski");
  });
});
