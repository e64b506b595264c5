// The suite API's answers as zod schemas and their types: what the console reads, and what
// /openapi.json documents (packages/contracts/src/openapi/suite-*.ts) from the same definitions.
export * from "./conversations";
export * from "./people";
export * from "./webhooks";
export * from "./numbers";
export * from "./templates";
export * from "./contacts";
export * from "./alerts";
export * from "./canned";
export * from "./reports";
export * from "./settings";
export * from "./faq";
export * from "./flow-context";
export * from "./widget";
export * from "./durations";
export * from "./time-zone";
export * from "./segment";
export * from "./flow-document";
export * from "./campaign-spec";
export * from "./flows";
export * from "./campaigns";
export * from "./entry-points";
