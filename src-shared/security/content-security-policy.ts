/**
 * The one Content-Security-Policy of the app, sent by the browser-mode host as a header and
 * written into index.html for the Electron window. Nothing may load from elsewhere, no inline
 * script or eval, no frames, no plugins; provider APIs are only ever reached by main.
 */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

export const contentSecurityPolicy = directives.join('; ');

/** The same policy for a <meta> tag, which cannot carry frame-ancestors (the header and Electron's window settings do). */
export const contentSecurityPolicyMeta = directives.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
