/** The GOV.UK-style error summary at the top of a page: focused and announced, each error a link to its field. */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: { href: string; message: string }[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.href}-${error.message}`}>
            <a href={error.href}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
