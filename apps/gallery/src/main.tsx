import "@ilm-forms/react/styles.css";
import "./gallery.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Gallery } from "./Gallery.tsx";

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <Gallery />
  </StrictMode>,
);
