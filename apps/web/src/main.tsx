import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { recoverFromStaleBundles } from "./chunk-recovery.ts";
import "./styles/main.scss";

// GOV.UK's template sets this with an inline script, which our Content-Security-Policy forbids.
document.body.classList.add("govuk-frontend-supported");

// Before the router reads the address: it may take the reload flag out of it.
recoverFromStaleBundles();

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
