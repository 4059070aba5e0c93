// REST helper: same-origin fetch with the session cookie, JSON both ways. A failed call rejects with an ApiError
// carrying the server's {code, message, field} (or a network error), so screens can show its message as is.
import { t, currentLanguage } from '../i18n/i18n.js';

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? t('errors.unknown'));
    this.status = status;
    this.code = error?.code ?? 'unknown';
    this.field = error?.field ?? null;
    this.details = error ?? {};
  }
}

export async function api(method, path, body) {
  // The server's error messages come in the language the user chose, whatever the browser's own setting.
  const init = { method, credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': currentLanguage() } };
  if (method !== 'GET' && method !== 'HEAD') {
    // The server refuses writes that are not JSON (a cross-site form cannot send this type).
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { code: 'network', message: t('errors.network') });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data?.error);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);
