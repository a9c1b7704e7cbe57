import { createContext } from "react";

/**
 * The request's CSP nonce, provided by entry.server.tsx. The root loader's data is missing when the
 * root ErrorBoundary renders (a 404, say), so the Layout reads the nonce from here, or Remix's
 * inline scripts on error pages would go out without it and the CSP would block them.
 */
export const NonceContext = createContext<string | undefined>(undefined);
