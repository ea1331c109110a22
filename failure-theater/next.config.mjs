import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * Production: a static export served by the control plane itself at /theater (same origin as the API,
 * so no CORS). Development (`npm run dev`): the page still calls the API with root-relative paths, and
 * these rewrites proxy them to a running service (LRCP_API_URL, default http://127.0.0.1:8080).
 * Rewrites cannot be part of a static export, hence the phase switch.
 */
const API_PATHS = ['/insights/:path*', '/incidents', '/incidents/:path*', '/qa', '/reason', '/stress'];

export default function config(phase) {
  const base = {
    basePath: '/theater',
    trailingSlash: true,
    images: { unoptimized: true },
    reactStrictMode: true,
  };
  if (phase !== PHASE_DEVELOPMENT_SERVER) {
    return { ...base, output: 'export' };
  }
  const api = (process.env.LRCP_API_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  return {
    ...base,
    // trailingSlash would otherwise 308 the proxied API paths to '/qa/' etc.
    skipTrailingSlashRedirect: true,
    async rewrites() {
      return API_PATHS.map((source) => ({ source, destination: `${api}${source}`, basePath: false }));
    },
  };
}
