import { packageBuild } from "../../tsup.base";

// The SDK as `npm pack` ships it: one module and its declarations. tsup's declaration build passes
// baseUrl, which TypeScript 6 reports as deprecated.
export default packageBuild({
  entry: { index: "src/index.ts" },
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
});
