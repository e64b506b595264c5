export { CloudApiClient, PlatformCallError, type GraphConnection, type GraphErrorBody } from "./cloud-api-client";
export {
  verifySignature,
  handshake,
  parseWebhook,
  type ParsedWebhook,
  type InboundMessage,
  type StatusEvent,
  type OtherChange,
} from "./webhooks";
export { SimulatorClient } from "./simulator-client";
export { SuiteClient, SuiteCallError } from "./suite-client";
