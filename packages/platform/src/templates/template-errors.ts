import { GraphError } from "@openwaba/contracts";
import type { TemplateProblem } from "../rules/template-variables";

/** Template creation errors: code 100, a 2388xxx subcode and what Meta shows the user (§1, §4). */
export const templateError = (p: TemplateProblem, http = 400) =>
  new GraphError(100, p.message, {
    subcode: p.subcode,
    message: "Invalid parameter",
    userTitle: p.title,
    userMessage: p.message,
    http,
  });
