export * from "./prng";
export * from "./profiles";
export * from "./platform-port";
export * from "./simulator-jobs";
export * from "./sim-users";
export * from "./simulator-network";
export * from "./routes";
