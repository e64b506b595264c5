import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { JobQueue } from "@openwaba/store";
import type { Clock } from "./clock";

/** One registry per running platform, so tests that start several never collide. */
export function createMetrics(queue: JobQueue, clock: Clock) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "openwaba_process_" });
  const sendsAccepted = new Counter({
    name: "openwaba_sends_accepted_total",
    help: "Messages accepted by POST /messages",
    labelNames: ["type"],
    registers: [registry],
  });
  const sendsRefused = new Counter({
    name: "openwaba_sends_refused_total",
    help: "Sends refused, by Meta error code",
    labelNames: ["code"],
    registers: [registry],
  });
  const webhookDeliveries = new Counter({
    name: "openwaba_webhook_deliveries_total",
    help: "Webhook POSTs, by result",
    labelNames: ["result"],
    registers: [registry],
  });
  const webhookRetries = new Counter({
    name: "openwaba_webhook_retries_total",
    help: "Webhook events put back for a retry",
    registers: [registry],
  });
  const webhookDeadLetters = new Counter({
    name: "openwaba_webhook_dead_letters_total",
    help: "Webhook events given up on",
    registers: [registry],
  });
  const httpLatency = new Histogram({
    name: "openwaba_http_request_duration_seconds",
    help: "HTTP request latency",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: "openwaba_outbox_depth",
    help: "Jobs waiting in each queue",
    labelNames: ["queue", "status"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of await queue.stats(clock.now())) this.set({ queue: s.queue, status: s.status }, s.depth);
    },
  });
  new Gauge({
    name: "openwaba_outbox_oldest_age_seconds",
    help: "Age of the oldest job in each queue",
    labelNames: ["queue", "status"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of await queue.stats(clock.now()))
        this.set({ queue: s.queue, status: s.status }, s.oldestAgeMs / 1000);
    },
  });
  return { registry, sendsAccepted, sendsRefused, webhookDeliveries, webhookRetries, webhookDeadLetters, httpLatency };
}

export type PlatformMetrics = ReturnType<typeof createMetrics>;
