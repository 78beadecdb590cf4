"use client";
/**
 * Where edge labels are drawn: React Flow's edge-label layer, found once per canvas.
 * React Flow's own <EdgeLabelRenderer> looks that element up with querySelector in a store
 * selector, so every edge repeats a DOM search on every store update (every frame of a drag):
 * on a 2,000-link map that search was the single largest cost of dragging a node.
 */
import { createContext, useContext, type ReactNode } from "react";
import { createPortal } from "react-dom";

const EdgeLabelLayerContext = createContext<HTMLElement | null>(null);

export const EdgeLabelLayerProvider = EdgeLabelLayerContext.Provider;

export function EdgeLabel({ children }: { children: ReactNode }) {
  const layer = useContext(EdgeLabelLayerContext);
  return layer ? createPortal(children, layer) : null;
}
