import { packageBuild } from "../../tsup.base";

// The server as `npm start` runs it: main.ts with the workspace packages bundled in (they export
// their sources, which plain node cannot load), every npm dependency imported from node_modules.
export default packageBuild({ entry: { main: "src/main.ts" }, noExternal: [/^@openwaba\//] });
