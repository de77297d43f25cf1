import type { ReferralNetwork } from "@cse/contracts";
import cytoscape from "cytoscape";
import { useEffect, useRef } from "react";

// Colours from the GOV.UK palette, one per kind, and a shape too, so colour is never the only cue.
const KIND_STYLE: Record<string, { color: string; shape: cytoscape.Css.NodeShape }> = {
  REFERRAL: { color: "#1d70b8", shape: "round-rectangle" },
  CHILD: { color: "#4c2c92", shape: "ellipse" },
  PERSON: { color: "#d4351c", shape: "diamond" },
  PHONE: { color: "#00703c", shape: "triangle" },
  VEHICLE: { color: "#f47738", shape: "hexagon" },
  HANDLE: { color: "#912b88", shape: "star" },
  PLACE: { color: "#505a5f", shape: "rectangle" },
};

// Cytoscape injects <style id="__________cytoscape_stylesheet"> (".__________cytoscape_container
// { position: relative; }") unless an element with that id exists. The strict CSP refuses inline
// <style> (seen in Chromium: "Applying inline style violates ... style-src 'self'"), so an empty
// <meta> takes the id and the same rule lives in our stylesheet (.app-network-graph).
const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";
function preventInjectedStylesheet() {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const placeholder = document.createElement("meta");
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(placeholder);
}

/**
 * The picture, drawn by Cytoscape.js on a canvas. It is loaded only on the network page (a
 * dynamic import), and it is a picture only: the table beside it carries the same facts for
 * screen readers and keyboards, so the canvas is hidden from assistive technology.
 */
export default function NetworkGraph({ network }: { network: ReferralNetwork }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    preventInjectedStylesheet();
    const graph = cytoscape({
      container: container.current,
      elements: [
        ...network.nodes.map((node) => ({ data: { id: node.id, label: node.label, kind: node.kind } })),
        ...network.edges.map((edge) => ({ data: { id: edge.id, source: edge.source, target: edge.target } })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 12,
            "text-wrap": "wrap",
            "text-max-width": "140px",
            "text-valign": "bottom",
            "text-margin-y": 4,
            color: "#0b0c0c",
            width: 28,
            height: 28,
          },
        },
        ...Object.entries(KIND_STYLE).map(([kind, { color, shape }]) => ({
          selector: `node[kind = "${kind}"]`,
          style: { "background-color": color, shape },
        })),
        { selector: "edge", style: { width: 2, "line-color": "#b1b4b6" } },
      ],
      layout: { name: "cose", animate: false },
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
    return () => graph.destroy();
  }, [network]);
  return <div ref={container} className="app-network-graph" aria-hidden="true" />;
}
