export * from "./database";
export * from "./dialect";
export * from "./json";
export * from "./connect";
export * from "./jobs/job";
export * from "./jobs/queue";
export * from "./jobs/queue-worker";
export * from "./jobs/backoff";
