/** Build-time configuration. */
export const env = {
  /** Origin of the API; empty = same origin (production: FastAPI serves the SPA; dev: Vite proxies /api). */
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? '',
  isDev: import.meta.env.DEV,
};
