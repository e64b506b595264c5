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
export * from "./entry-points";
