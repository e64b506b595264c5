import type { SuiteModule } from "../module";
import { registerWidgetScriptRoute } from "./widget-script.route";
import { registerWidgetRoutes } from "./widget.routes";

/** The chat widget shops paste into their pages (its script is public: no session). */
export const widgetModule: SuiteModule = {
  name: "widget",
  routes(app, suite) {
    registerWidgetRoutes(app, suite);
    registerWidgetScriptRoute(app, suite);
  },
};
