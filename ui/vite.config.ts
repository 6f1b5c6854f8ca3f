import { defineConfig } from "vite";

// Served by Tauri from ui/dist; the webview is WebKitGTK (Linux), WebView2 (Windows), WKWebView (macOS).
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: ["es2021", "safari15"],
    outDir: "dist",
    emptyOutDir: true,
    // Readable stack traces from users' machines matter more than a few kilobytes.
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
