/** A document of a unit as the learner's unit page lists it. */
export interface UnitDocument {
  id: string;
  label: string;
  status: string;
  updatedAt: string;
  /** Why the learner cannot change it, or null. */
  locked: string | null;
  client: string | null;
}

const NO_CLIENT = "Not about one client";

/**
 * A unit's documents grouped by client (a document about no single client in its own group), with
 * a filter to one client that works without JavaScript (a GET form).
 */
export function UnitDocuments({ unitId, documents, client }: { unitId: string; documents: UnitDocument[]; client: string | null }) {
  if (documents.length === 0) return <p>No documents yet.</p>;
  const groups = new Map<string, UnitDocument[]>();
  for (const d of documents) {
    const key = d.client ?? NO_CLIENT;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const names = [...groups.keys()].sort((a, b) => (a === NO_CLIENT ? 1 : b === NO_CLIENT ? -1 : a.localeCompare(b, "en-GB", { numeric: true })));
  const shown = client && groups.has(client) ? [client] : names;
  return (
    <>
      {names.length > 1 ? (
        <form method="get" action={`/learner/units/${unitId}#your-documents`} className="inline-form document-filter">
          <label htmlFor="client-filter">Show the documents of</label>{" "}
          <select id="client-filter" name="client" defaultValue={client && groups.has(client) ? client : ""}>
            <option value="">every client ({documents.length})</option>
            {names.map((n) => <option key={n} value={n}>{n} ({groups.get(n)!.length})</option>)}
          </select>{" "}
          <button type="submit" className="button button--secondary">Show</button>
        </form>
      ) : null}
      {shown.map((name, i) => (
        <section key={name} aria-labelledby={`client-${i}`}>
          <h3 id={`client-${i}`}>{name} <span className="hint">({groups.get(name)!.length === 1 ? "1 document" : `${groups.get(name)!.length} documents`})</span></h3>
          <table className="table--stack">
            <thead><tr><th scope="col">Document</th><th scope="col">Status</th><th scope="col">Last saved</th></tr></thead>
            <tbody>
              {groups.get(name)!.map((d) => (
                <tr key={d.id}>
                  <td className="table--stack__lead"><a href={`/learner/documents/${d.id}?unit=${unitId}`}>{d.label}</a></td>
                  <td data-label="Status"><span className={`tag tag--${d.status}`}>{d.status}</span>{d.locked ? <p className="hint">{d.locked}</p> : null}</td>
                  <td data-label="Last saved">{d.updatedAt.slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
