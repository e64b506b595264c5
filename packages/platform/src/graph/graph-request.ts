import type { FastifyReply, FastifyRequest } from "fastify";
import { GraphError, unknownObject } from "@openwaba/contracts";
import type { PhoneNumber, Principal } from "../directory";
import type { Platform } from "../platform";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The token from `Authorization: Bearer …` (or `OAuth …`, as Meta's upload guide writes it) or `?access_token=` (§1). */
export function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h && /^(Bearer|OAuth)\s+/i.test(h)) return h.replace(/^(Bearer|OAuth)\s+/i, "").trim() || null;
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === "string" && q ? q : null;
}

/** Authenticates first, as every Graph handler must; 104 without a token, 190 for an unknown one. */
export async function authenticate(platform: Platform, req: FastifyRequest): Promise<Principal> {
  const token = tokenOf(req);
  if (!token) throw new GraphError(104, undefined, { http: 401 });
  const p = await platform.directory.principal(token);
  if (!p) throw new GraphError(190, undefined, { http: 401 });
  req.principal = p;
  return p;
}

/** A phone number the token's WABA owns; anything else is Graph's "does not exist" (§10b). */
export async function ownPhoneNumber(
  platform: Platform,
  p: Principal,
  id: string,
  method: string,
): Promise<PhoneNumber> {
  const phone = await platform.directory.phoneNumber(id);
  if (!phone || phone.waba_id !== p.wabaId) throw unknownObject(id, method);
  return phone;
}

export function ownWaba(p: Principal, id: string, method: string): void {
  if (p.wabaId !== id) throw unknownObject(id, method);
}

export const GRAPH_VERSION = /^v\d{1,2}\.\d$/;

export interface GraphParams {
  version: string;
  id: string;
}

/** Sends a Graph JSON answer. */
export const ok = (reply: FastifyReply, body: unknown) => reply.code(200).send(body);
