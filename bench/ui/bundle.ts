/**
 * Browser code for the ui bench, bundled in memory with esbuild (the one tsx runs on): the bare
 * React Flow page (minified, React's production build, as `next build` ships ours) and the probe
 * both pages get.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { estimateNodeSize } from "../../lib/map/layout";
import type { ArgNode } from "../../lib/map/types";

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

/**
 * The probe as one init script, given every node's place and estimated size (what a canvas that
 * renders only what is in view goes by for a node it has not measured), to tell which nodes
 * should be on screen.
 */
export async function bundleProbe(nodes: readonly ArgNode[]): Promise<string> {
  const result = await build({
    entryPoints: [path.join(HERE, "probe.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const boxes = nodes.map((node) => {
    const { width, height } = estimateNodeSize(node);
    return [node.id, node.x, node.y, width, height];
  });
  return `window.uiBenchNodes = ${JSON.stringify(boxes)};\n${result.outputFiles[0]!.text}`;
}
