// A portal page with one form by id and nothing else: no preloadTemplate beside it, so the form
// renders at once only if the build bundled its template in (ilmFormsPreload, decision 060).
import { IlmForm } from "@ilm-forms/react";
import "@ilm-forms/react/styles.css";
import { createRoot } from "react-dom/client";

const app = document.getElementById("app");
if (app) createRoot(app).render(<IlmForm template="ilm-8588/session-record" draftKey={false} />);
