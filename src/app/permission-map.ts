/** Resolved permissions as the API shows them: entity -> actions. */
export function permissionMap(resolved: ReadonlySet<string>): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const permission of resolved) {
    const [entity, action] = permission.split(':') as [string, string];
    (map[entity] ??= []).push(action);
  }
  return map;
}
