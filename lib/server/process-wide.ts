/**
 * One value per server process. Next bundles each route and page with its own copy of a module,
 * so state at module level would exist once per route: a link rotated through one route would stay
 * cached in the page that opens it. State that every route must share lives on globalThis instead
 * (which also keeps it across the dev server's hot reloads).
 */
export function processWide<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<string, unknown>;
  const key = `argumap:${name}`;
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
