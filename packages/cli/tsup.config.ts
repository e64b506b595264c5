import { packageBuild } from "../../tsup.base";

// The openwaba command in one file, the SDK and commander bundled in: its package installs with no
// dependency to fetch. commander is CommonJS, whose require() of node's modules needs a require
// in the module. `openwaba start` imports the server of the checkout it runs in, never a copy.
export default packageBuild({
  entry: { main: "src/main.ts" },
  noExternal: ["@openwaba/sdk", "commander"],
  banner: { js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);' },
});
