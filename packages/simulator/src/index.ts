export * from "./prng";
export * from "./profiles";
export * from "./platform-port";
export * from "./sim-users";
export * from "./simulator-network";
export * from "./routes";
