/**
 * The app's one clock for calendar dates: what "overdue", "days active", default export
 * periods and provider queries measure against. Main and renderer both call `calendarToday()`;
 * a test pins it by passing the instant it means.
 */
export function calendarToday(now: Date = new Date()): string {
  // The user's own calendar day: an invoice due today is not overdue at 01:00 in Stockholm,
  // whatever the UTC date is.
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}
