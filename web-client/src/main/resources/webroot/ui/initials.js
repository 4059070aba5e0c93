// A person's initials for their avatar: "Ana Torres" -> "AT".
export const initials = (name) => (name ?? '?').split(/\s+/).filter(Boolean).map((w) => w[0]).slice(0, 2).join('').toUpperCase();
