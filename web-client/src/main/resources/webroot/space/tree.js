// Helpers over the tree GET /api/spaces answers (each node: id, name, kind, access, role, children).

/** The nodes from a root down to the space, or [] when the space is not in the tree. */
export function findPath(nodes, spaceId, trail = []) {
  for (const node of nodes ?? []) {
    const path = [...trail, node];
    if (node.id === spaceId) return path;
    const below = findPath(node.children, spaceId, path);
    if (below.length) return below;
  }
  return [];
}

/** The tree with only the spaces whose name contains the query, and the spaces above them. */
export function filterTree(nodes, query) {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return nodes;
  const keep = (node) => {
    const children = (node.children ?? []).map(keep).filter(Boolean);
    return node.name.toLocaleLowerCase().includes(needle) || children.length ? { ...node, children } : null;
  };
  return nodes.map(keep).filter(Boolean);
}
