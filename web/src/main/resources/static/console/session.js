// Signing in and talking to the public API. The token lives in this module's memory only (never storage, cookie
// or URL); closing the tab forgets it.

import { $ } from './dom.js';
import { route, showView } from './views.js';

/** Signed-in editor: {token, username, roles}; null when signed out. */
let current = null;
let expiryTimer = null;
/** What to do once the editor has signed in again (e.g. resume the open draft). */
let resume = null;
const signOutHooks = [];

export const session = () => current;
export const hasRole = (role) => Boolean(current && current.roles.includes(role));

/** Thrown by api() when there is no session (any more): the sign-in view is already showing. */
export class SignedOut extends Error {}

/** A problem+json answer (or a network failure) with the fields the console shows. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * Registers what a part does when the session ends (stop timers, keep its state); it may return a function to run
 * after the next sign-in, which then replaces the usual opening of the address.
 */
export function onSignOut(hook) {
  signOutHooks.push(hook);
}

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return {};
  }
}

/** Calls the API with the session's token: {data, etag, status}, or throws ApiError / SignedOut. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  if (!current) throw new SignedOut();
  const init = { method, headers: { Accept: 'application/json', Authorization: 'Bearer ' + current.token, ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, { detail: 'The server could not be reached.' });
  }
  if (response.status === 401) {
    signOut('Your session has ended. Sign in again: your open draft is kept.');
    throw new SignedOut();
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, etag: response.headers.get('ETag'), status: response.status };
}

async function signIn(username, password) {
  const response = await fetch('/api/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 401) throw new Error('Wrong username or password.');
  if (response.status === 429) throw new Error('Too many attempts. Wait a minute and try again.');
  if (!response.ok) throw new Error('Signing in failed (HTTP ' + response.status + '). Try again.');
  const answer = await response.json();
  const c = claims(answer.access_token);
  const roles = Array.isArray(c.roles) ? c.roles : [];
  if (!roles.includes('EDITOR') && !roles.includes('ADMIN')) {
    throw new Error('This account may not edit roundups.');
  }
  current = { token: answer.access_token, username: c.sub || username, roles };
  clearTimeout(expiryTimer);
  expiryTimer = setTimeout(
    () => signOut('Your session has expired. Sign in again: your open draft is kept.'),
    Math.max(0, (answer.expires_in || 3600) * 1000 - 5000),
  );
  $('console-user-name').textContent = 'Signed in as ' + current.username;
  document.body.dataset.roles = roles.join(' ');
}

/** Forgets the token; each part keeps its state (the open draft stays in memory and local storage). */
export function signOut(reason) {
  current = null;
  clearTimeout(expiryTimer);
  delete document.body.dataset.roles;
  for (const hook of signOutHooks) {
    const next = hook();
    if (typeof next === 'function') resume = next;
  }
  $('signin-reason').textContent = reason || '';
  $('signin-password').value = '';
  showView('signin');
  $('signin-username').focus();
}

export function setUpSignIn() {
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $('signin-error');
    error.textContent = '';
    const username = $('signin-username').value.trim();
    const password = $('signin-password').value;
    if (!username || !password) {
      error.textContent = 'Enter your username and password.';
      return;
    }
    try {
      await signIn(username, password);
    } catch (e) {
      error.textContent = e.message;
      return;
    }
    $('signin-password').value = '';
    const next = resume;
    resume = null;
    if (next) next();
    else route();
  });
  $('sign-out').addEventListener('click', () => {
    resume = null;
    signOut('You have signed out.');
  });
}
