import { packageBuild } from "../../tsup.base";

// The entry and the subpaths the console imports.
export default packageBuild({
  entry: {
    index: "src/index.ts",
    canned: "src/inbox/canned.ts",
    "flow-document": "src/flows/flow-document.ts",
    "flow-context": "src/flows/flow-context.ts",
    "campaign-spec": "src/campaigns/campaign-spec.ts",
    "campaign-estimate": "src/campaigns/estimate.ts",
  },
});
