/**
 * Browser code for the ui bench, bundled in memory with esbuild (the one tsx runs on): the bare
 * React Flow page (minified, React's production build, as `next build` ships ours) and the probe
 * both pages get.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface BareFlowBundle {
  script: string;
  style: string;
}

export async function bundleBareFlow(): Promise<BareFlowBundle> {
  const result = await build({
    entryPoints: [path.join(HERE, "bare-flow.tsx")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    outdir: "/bare-flow", // in memory only (write: false)
    write: false,
    logLevel: "error",
  });
  const file = (extension: string) => result.outputFiles.find((output) => output.path.endsWith(extension))?.text ?? "";
  return { script: file(".js"), style: file(".css") };
}

/** The probe as one init script, told how many nodes make the map "visible". */
export async function bundleProbe(expectedNodes: number): Promise<string> {
  const result = await build({
    entryPoints: [path.join(HERE, "probe.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  return `window.uiBenchExpectedNodes = ${expectedNodes};\n${result.outputFiles[0]!.text}`;
}
