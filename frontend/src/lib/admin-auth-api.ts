/**
 * Admin token endpoints, written by hand: the backend's OpenAPI document does not publish the admin auth routes
 * yet. Replace these with the generated functions (`adminsLogin`, `adminsRefresh`, `adminsMe`) once it does.
 * Contract: POST /api/v1/admin/auth/login {email, password} and POST /api/v1/admin/auth/refresh {refresh_token}
 * → {access_token, refresh_token, expires_in, admin}.
 */
import { client } from '@/client/client.gen';

export interface AdminProfile {
  id: number;
  email: string;
  name: string;
  role: 'super_admin' | 'admin' | string;
  phone?: string | null;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type?: string;
  expires_in: number;
  admin: AdminProfile;
}

export async function postLogin(body: { email: string; password: string }): Promise<TokenPair> {
  const { data } = await client.post<{ 200: TokenPair }, unknown, true>({
    url: '/api/v1/admin/auth/login',
    body,
    headers: { 'Content-Type': 'application/json' },
    throwOnError: true,
  });
  return data;
}

export async function postRefresh(refreshToken: string): Promise<TokenPair> {
  const { data } = await client.post<{ 200: TokenPair }, unknown, true>({
    url: '/api/v1/admin/auth/refresh',
    body: { refresh_token: refreshToken },
    headers: { 'Content-Type': 'application/json' },
    throwOnError: true,
  });
  return data;
}

export async function getCurrentAdmin(signal?: AbortSignal): Promise<AdminProfile> {
  const { data } = await client.get<{ 200: AdminProfile }, unknown, true>({
    url: '/api/v1/admin/auth/me',
    signal,
    throwOnError: true,
  });
  return data;
}
