// The paths the store adds to the index: kept apart so that serve can answer them (503) before the store's code has loaded.

/** The routes the store adds to the index (for the 503 while it opens). */
export const STORE_ROUTES = [
  '/submit', '/submit/*', '/submitted/*', '/signin', '/signout', '/review', '/review/*', '/models/:id/history', '/models/:id/disputes', '/disputes/*', '/changes.atom', '/admin', '/admin/*',
  '/api/v1/submissions', '/api/v1/submissions/*', '/api/v1/models/:id/disputes', '/api/v1/models/:id/history', '/api/v1/disputes/*', '/api/v1/changes',
] as const;
