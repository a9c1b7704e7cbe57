/** Clients are matched ignoring case and spacing: "client 1" and "Client  1" are the same person. */
export function clientKey(ref: string): string {
  return ref.trim().replace(/\s+/g, " ").toLowerCase();
}
