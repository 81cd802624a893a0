/**
 * The one Content-Security-Policy of the UI, applied by Electron's session and by the browser-mode server.
 * antd injects its CSS-in-JS styles at run time, hence 'unsafe-inline' for styles only; scripts are 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
