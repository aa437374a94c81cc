import { defineConfig } from '@hey-api/openapi-ts';

// The client in src/client is generated from openapi.json (written by the backend:
// `python -m jibsa.openapi > frontend/openapi.json`). Never edit src/client by hand.
export default defineConfig({
  input: './openapi.json',
  output: { path: './src/client' },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', { name: '@hey-api/sdk' }],
});
