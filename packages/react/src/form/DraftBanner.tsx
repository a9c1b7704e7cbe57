/**
 * Says that unsaved changes were brought back, GOV.UK notification-banner style, with a way to
 * throw them away.
 *
 * @param props - when the draft was written, and what the two buttons do
 * @returns the banner
 */
export function DraftBanner({ savedAt, onDiscard, onDismiss }: { savedAt: string; onDiscard: () => void; onDismiss: () => void }) {
  const when = formatTime(savedAt);
  return (
    <div className="ilm-notification" role="region" aria-labelledby="ilm-draft-title">
      <h2 className="ilm-notification__title" id="ilm-draft-title">
        Unsaved changes restored
      </h2>
      <p className="ilm-notification__body">
        We brought back the changes you had not saved{when ? ` (last changed ${when})` : ""}.
      </p>
      <div className="ilm-notification__actions">
        <button type="button" className="ilm-button ilm-button--secondary" onClick={onDismiss}>
          Keep them
        </button>
        <button type="button" className="ilm-button ilm-button--warning" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString("en-GB", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
}
