import { readableSize, type AttachmentItem } from "./AttachmentList.tsx";

/** The evidence files beside a criterion on the marking page: downloads with type, size and hash. */
export function AttachmentLinks({ files }: { files: AttachmentItem[] | undefined }) {
  if (!files || files.length === 0) return null;
  return (
    <div className="attachment-links">
      <p className="label">Files</p>
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a href={f.href} download>{f.name}</a> <span className="hint">({f.mediaType}, {readableSize(f.size)}, SHA-256 <code>{f.sha256.slice(0, 12)}</code>)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
