import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The console is built into dist/ at set-up (npm install) and served by the OpenWABA server at "/".
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
});
