// Headers on every response: an enforced Content-Security-Policy with a per-request nonce for the
// few inline scripts Remix writes, no MIME sniffing, and framing only by configured portals.

/**
 * @param {{ portalOrigins: string[], cookieSecure: boolean }} config
 * @param {{ dev?: boolean }} options - development adds the Vite HMR socket to connect-src
 */
export function securityHeaders(config, { dev = false } = {}) {
  const frameAncestors = ["'self'", ...config.portalOrigins].join(" ");
  return (req, res, next) => {
    const nonce = res.locals.cspNonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        `frame-ancestors ${frameAncestors}`,
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Over HTTPS (directly, or through a trusted proxy), browsers keep to HTTPS for a year.
    if (req.secure || config.cookieSecure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  };
}
