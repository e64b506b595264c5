import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

// What every package's build shares (each package's tsup.config.ts names its entries): ESM for
// Node 20, one file per entry in the package's dist/. Packages export their sources (vitest,
// tsx and tsc read those); the build is what `npm start` and the bin run.

/**
 * `import.meta.url` in a bundled source means that source file, as it did unbundled: a file read
 * beside its module (the platform's default rate card, the suite's widget script) is found in
 * the checkout's src/ from wherever the bundle lies.
 */
const sourceRelativeMetaUrl: Plugin = {
  name: "source-relative-import-meta-url",
  setup(build) {
    const outDir = resolve(build.initialOptions.outdir ?? "dist");
    build.onLoad({ filter: /\/packages\/[^/]+\/src\/.*\.ts$/ }, async (args) => {
      const code = await readFile(args.path, "utf8");
      if (!code.includes("import.meta.url")) return undefined;
      const from = relative(outDir, args.path).split("\\").join("/");
      const here = `new URL(${JSON.stringify(from)}, import.meta.url).href`;
      return { contents: code.replaceAll("import.meta.url", here), loader: "ts", resolveDir: dirname(args.path) };
    });
  },
};

export function packageBuild(options: Options & { entry: Record<string, string> }) {
  return defineConfig({
    format: "esm",
    platform: "node",
    target: "node20",
    outDir: "dist",
    clean: true,
    // Every npm dependency stays an import, resolved from node_modules at run time (better-sqlite3
    // and pg are native or optional); a package that bundles workspace packages says so.
    skipNodeModulesBundle: true,
    removeNodeProtocol: false,
    esbuildPlugins: [sourceRelativeMetaUrl],
    ...options,
  });
}
