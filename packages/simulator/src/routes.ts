import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { GraphError, countryOf, parseParams } from "@openwaba/contracts";
import { fromJson } from "@openwaba/store";
import type { SimulatorSettings } from "./profiles";
import type { PlatformPort } from "./platform-port";
import { createUser, findUser, presentUser } from "./sim-users";
import type { SimulatorNetwork } from "./simulator-network";
import { parseUserMessage } from "./user-message";

const newUser = z.strictObject({
  wa_id: z.string().regex(/^\d{6,15}$/),
  name: z.string().min(1).max(128).optional(),
  online: z.boolean().optional(),
  on_whatsapp: z.boolean().optional(),
  delivery_ms: z.number().int().min(0).max(86_400_000).optional(),
  read_ms: z.number().int().min(0).max(86_400_000).optional(),
  read_probability: z.number().min(0).max(1).optional(),
});
const device = z.strictObject({ online: z.boolean() });
const scan = z
  .strictObject({ code: z.string().min(1).max(64).optional(), link: z.string().max(300).optional() })
  .refine((b) => b.code !== undefined || b.link !== undefined, { message: "give code or link" });
const advance = z.strictObject({
  ms: z
    .number()
    .int()
    .min(0)
    .max(400 * 86_400_000),
});

const parse = <T>(schema: z.ZodType<T>, body: unknown): T => parseParams(schema, body ?? {});

const unknownUser = (waId: string) =>
  new GraphError(100, `No simulated user ${waId}; create it with POST /simulator/users.`, { http: 404 });

/** The simulator's control API: the tests, the CLI and the console drive virtual phones with it. */
export function registerSimulatorRoutes(
  app: FastifyInstance,
  port: PlatformPort,
  network: SimulatorNetwork,
  settings: SimulatorSettings,
): void {
  const { db, clock } = port;

  // A user made on purpose is on WhatsApp and online unless told otherwise.
  app.post("/simulator/users", async (req, reply) => {
    await port.authenticate(req);
    const b = parse(newUser, req.body);
    if (await findUser(db, b.wa_id))
      throw new GraphError(100, `Simulated user ${b.wa_id} already exists.`, { http: 409 });
    const u = await createUser(db, settings, clock.now(), b.wa_id, {
      name: b.name,
      online: b.online ?? true,
      onWhatsapp: b.on_whatsapp ?? true,
      deliveryMs: b.delivery_ms,
      readMs: b.read_ms,
      readProbability: b.read_probability,
    });
    return reply.code(201).send(presentUser(u));
  });

  app.get<{ Querystring: { limit?: string } }>("/simulator/users", async (req, reply) => {
    await port.authenticate(req);
    const rows = await db
      .selectFrom("sim_users")
      .selectAll()
      .orderBy("created_at")
      .orderBy("wa_id")
      .limit(Math.min(Number(req.query.limit) || 100, 1000))
      .execute();
    return reply.send({ data: rows.map((u) => presentUser(u)) });
  });

  app.get<{ Params: { waId: string } }>("/simulator/users/:waId", async (req, reply) => {
    await port.authenticate(req);
    const u = await findUser(db, req.params.waId);
    if (!u) throw unknownUser(req.params.waId);
    const pending = await db
      .selectFrom("sim_chat")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("wa_id", "=", u.wa_id)
      .where("ticks", "=", "pending")
      .executeTakeFirst();
    return reply.send(presentUser(u, Number(pending?.n ?? 0)));
  });

  /** The user sends a message (as the body of POST …/messages describes it) to a number of the caller's WABA. */
  async function userSends(req: FastifyRequest, waId: string, raw: unknown): Promise<string> {
    const principal = await port.authenticate(req);
    const u = await findUser(db, waId);
    if (!u) throw unknownUser(waId);
    if (!u.on_whatsapp) throw new GraphError(100, `Simulated user ${u.wa_id} is not on WhatsApp.`);
    if (!u.online) throw new GraphError(100, `Simulated user ${u.wa_id} is offline; bring the device online first.`);
    const m = await parseUserMessage(port, db, u.wa_id, raw);
    const phone = await port.phoneNumber(m.to);
    if (!phone || phone.waba_id !== principal.wabaId)
      throw new GraphError(100, `Param to: ${m.to} is not a phone number of your WABA.`);
    const id = await port.commit(async (tx) => {
      const id = await port.receiveInbound(tx, {
        phoneNumberId: m.to,
        waId: u.wa_id,
        profileName: u.name,
        type: m.type,
        object: m.object,
        context: m.context,
        referral: m.referral,
      });
      await tx
        .insertInto("sim_chat")
        .values({
          id,
          wa_id: u.wa_id,
          phone_number_id: m.to,
          direction: "sent",
          type: m.type,
          content: JSON.stringify({ ...(m.shown as object), ...(m.context ? { context: { id: m.context.id } } : {}) }),
          at: clock.now(),
          ticks: "delivered",
        })
        .execute();
      return id;
    });
    port.wake("webhook");
    port.wake("network"); // the platform may answer at once (a STOP confirmation)
    return id;
  }

  app.post<{ Params: { waId: string } }>("/simulator/users/:waId/messages", async (req, reply) => {
    return reply.code(201).send({ messages: [{ id: await userSends(req, req.params.waId, req.body) }] });
  });

  // The user scans a QR code (or opens its wa.me short link) and sends the prefilled message.
  app.post<{ Params: { waId: string } }>("/simulator/users/:waId/scan", async (req, reply) => {
    const b = parse(scan, req.body);
    const code = b.code ?? /wa\.me\/message\/([A-Za-z0-9]+)/.exec(b.link ?? "")?.[1];
    const qr = code ? await port.qrCode(code) : null;
    if (!qr) throw new GraphError(100, `Param code: no QR code or short link ${code ?? b.link} exists.`);
    const id = await userSends(req, req.params.waId, {
      to: qr.phone_number_id,
      type: "text",
      text: { body: qr.prefilled_message },
    });
    return reply.code(201).send({ messages: [{ id }], prefilled_message: qr.prefilled_message });
  });

  app.get<{ Params: { waId: string; phoneNumberId: string } }>(
    "/simulator/users/:waId/chats/:phoneNumberId",
    async (req, reply) => {
      const principal = await port.authenticate(req);
      const u = await findUser(db, req.params.waId);
      if (!u) throw unknownUser(req.params.waId);
      const phone = await port.phoneNumber(req.params.phoneNumberId);
      if (!phone || phone.waba_id !== principal.wabaId)
        throw new GraphError(100, `${req.params.phoneNumberId} is not a phone number of your WABA.`, { http: 404 });
      const rows = await db
        .selectFrom("sim_chat")
        .selectAll()
        .where("wa_id", "=", u.wa_id)
        .where("phone_number_id", "=", phone.id)
        .where("ticks", "!=", "pending")
        .orderBy("at")
        .orderBy("id")
        .execute();
      return reply.send({
        wa_id: u.wa_id,
        business: {
          phone_number_id: phone.id,
          display_phone_number: phone.display_phone_number,
          verified_name: phone.verified_name,
          country: countryOf(phone.display_phone_number).country,
        },
        typing: network.isTyping(u.wa_id, phone.id),
        messages: rows.map((r) => ({
          id: r.id,
          direction: r.direction,
          type: r.type,
          content: fromJson(r.content, {}),
          timestamp: new Date(r.at).toISOString(),
          // What the ticks mean on this phone: for what the user sent, how far it got at the business;
          // for what the user received, whether the user has read it.
          ticks: r.ticks,
        })),
      });
    },
  );

  app.post<{ Params: { waId: string } }>("/simulator/users/:waId/device", async (req, reply) => {
    await port.authenticate(req);
    const b = parse(device, req.body);
    if (!(await findUser(db, req.params.waId))) throw unknownUser(req.params.waId);
    const delivered = await network.setOnline(req.params.waId, b.online);
    return reply.send({ wa_id: req.params.waId, online: b.online, delivering: delivered });
  });

  // The user blocks a business number (optionally reporting it as spam): what the business sends
  // then fails with 131026, and the number's quality hears of it.
  const block = z.strictObject({
    phone_number_id: z.string().min(1),
    report: z.boolean().optional(),
    reason: z.enum(["spam", "no_longer_needed", "didnt_sign_up", "offensive", "other"]).optional(),
  });
  app.post<{ Params: { waId: string } }>("/simulator/users/:waId/block", async (req, reply) => {
    const principal = await port.authenticate(req);
    const b = parse(block, req.body);
    if (!(await findUser(db, req.params.waId))) throw unknownUser(req.params.waId);
    const phone = await port.phoneNumber(b.phone_number_id);
    if (!phone || phone.waba_id !== principal.wabaId)
      throw new GraphError(100, `Param phone_number_id: ${b.phone_number_id} is not a phone number of your WABA.`);
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("sim_blocks")
        .values({ wa_id: req.params.waId, phone_number_id: phone.id, at: clock.now() })
        .onConflict((c) => c.columns(["wa_id", "phone_number_id"]).doNothing())
        .execute();
      await port.userSignal(tx, {
        phoneNumberId: phone.id,
        waId: req.params.waId,
        kind: b.report ? "report" : "block",
        reason: b.reason,
      });
    });
    port.wake("webhook");
    return reply.send({ wa_id: req.params.waId, blocked: phone.id, reported: !!b.report });
  });

  app.delete<{ Params: { waId: string }; Querystring: { phone_number_id?: string } }>(
    "/simulator/users/:waId/block",
    async (req, reply) => {
      await port.authenticate(req);
      const r = await db
        .deleteFrom("sim_blocks")
        .where("wa_id", "=", req.params.waId)
        .where("phone_number_id", "=", req.query.phone_number_id ?? "")
        .executeTakeFirst();
      return reply.send({ wa_id: req.params.waId, unblocked: Number(r.numDeletedRows) > 0 });
    },
  );

  app.post("/simulator/clock/advance", async (req, reply) => {
    await port.authenticate(req);
    const b = parse(advance, req.body);
    const offset = await port.advanceClock(b.ms);
    return reply.send({ now: new Date(clock.now()).toISOString(), offset_ms: offset });
  });

  app.get("/simulator/clock", async (req, reply) => {
    await port.authenticate(req);
    return reply.send({ now: new Date(clock.now()).toISOString() });
  });
}
