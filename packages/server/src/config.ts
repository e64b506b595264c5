import { resolve } from "node:path";
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from "@openwaba/platform";

/**
 * Everything the server reads from its environment, in one place (README "Configuration"), each
 * value checked: a bad one is an error naming its variable, said in one line by main.ts.
 */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  webhookUrl: string | null;
  seed: string;
  simLatency: "realistic" | "zero";
  simPopulation: number;
  production: boolean;
  prettyLogs: boolean;
  logLevel: string;
  claimTimeoutMs: number;
  webhookTimeoutMs: number;
  /** Delay before the review engine decides a template; null ("off"): only the admin override. */
  templateReviewMs: number | null;
  /** Messages per second per number (Meta: 80); raise it for load tests. */
  throughputMps: number;
  pairRate: boolean;
  marketingConsent: "required" | "off";
  rateCardFile: string | undefined;
  messagingLimitModel: "portfolio" | "per_number";
  /** "off" skips every policy check on the send path: the bench's baseline for what the rules cost. */
  rules: "on" | "off";
  pricingModel: "auto" | "CBP" | "PMP";
  /** The business suite (inbox, console API); off: the platform alone (OPENWABA_SUITE=off). */
  suite: boolean;
  /** Campaigns' pace in messages per second instead of the number's throughput level (load tests). */
  campaignMps: number | undefined;
  /** How long a campaign send whose answer a crash lost waits for its status before it counts as failed. */
  campaignUnconfirmedMs: number;
  /** Whether the development tenant's new WABA gets Meta's approved sample template hello_world (tests start with none). */
  sampleTemplate: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.OPENWABA_DATA_DIR || "./data");
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const latency = env.OPENWABA_SIM_LATENCY ?? "realistic";
  if (latency !== "realistic" && latency !== "zero")
    throw new Error(`OPENWABA_SIM_LATENCY must be "realistic" or "zero", not "${latency}"`);
  const production = env.NODE_ENV === "production";
  return {
    host: env.HOST || "127.0.0.1",
    port,
    dataDir,
    databaseUrl: env.OPENWABA_DATABASE_URL || resolve(dataDir, "openwaba.sqlite"),
    webhookUrl: env.OPENWABA_WEBHOOK_URL || null,
    seed: env.OPENWABA_SEED || "openwaba",
    simLatency: latency,
    simPopulation: count(env, "OPENWABA_SIM_POPULATION", 24),
    production,
    prettyLogs: !production && env.OPENWABA_LOG_FORMAT !== "json" && !!process.stdout.isTTY,
    logLevel: env.LOG_LEVEL || (production ? "warn" : "info"),
    claimTimeoutMs: positive(env, "OPENWABA_CLAIM_TIMEOUT_MS", 30_000),
    webhookTimeoutMs: positive(env, "OPENWABA_WEBHOOK_TIMEOUT_MS", 10_000),
    throughputMps: positive(env, "OPENWABA_THROUGHPUT_MPS", 80),
    pairRate: oneOf(env, "OPENWABA_PAIR_RATE", ["on", "off"], "on") === "on",
    rateCardFile: env.OPENWABA_RATE_CARD || undefined,
    messagingLimitModel: oneOf(env, "OPENWABA_MESSAGING_LIMITS", ["portfolio", "per_number"], "portfolio"),
    rules: oneOf(env, "OPENWABA_RULES", ["on", "off"], "on"),
    pricingModel: oneOf(env, "OPENWABA_PRICING_MODEL", ["auto", "CBP", "PMP"], "auto"),
    suite: oneOf(env, "OPENWABA_SUITE", ["on", "off"], "on") === "on",
    campaignMps: env.OPENWABA_CAMPAIGN_MPS ? positive(env, "OPENWABA_CAMPAIGN_MPS", 80) : undefined,
    campaignUnconfirmedMs: positive(env, "OPENWABA_CAMPAIGN_UNCONFIRMED_MS", 5 * 60_000),
    marketingConsent: oneOf(env, "OPENWABA_MARKETING_CONSENT", ["required", "off"], "required"),
    sampleTemplate: oneOf(env, "OPENWABA_SAMPLE_TEMPLATE", ["on", "off"], "on") === "on",
    templateReviewMs:
      env.OPENWABA_TEMPLATE_REVIEW_MS === "off" ? null : nonNegative(env, "OPENWABA_TEMPLATE_REVIEW_MS", 5000),
  };
}

/** The platform's settings the environment sets (the rest are the platform's defaults). */
export function platformConfig(config: ServerConfig, mediaUrlSecret: string): PlatformConfig {
  return {
    ...DEFAULT_PLATFORM_CONFIG,
    claimTimeoutMs: config.claimTimeoutMs,
    webhookTimeoutMs: config.webhookTimeoutMs,
    templateReviewDelayMs: config.templateReviewMs,
    marketingConsent: config.marketingConsent,
    rateCardFile: config.rateCardFile,
    messagingLimitModel: config.messagingLimitModel,
    rules: config.rules,
    pricingModel: config.pricingModel,
    mediaUrlSecret,
  };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return n;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${name} must be a number of milliseconds (or "off"), not "${raw}"`);
  return n;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!allowed.includes(raw as T))
    throw new Error(`${name} must be ${allowed.map((a) => `"${a}"`).join(" or ")}, not "${raw}"`);
  return raw as T;
}
