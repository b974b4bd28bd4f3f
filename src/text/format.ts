/** `formatMessage('{0} j de retard', '3')` → `3 j de retard`. */
export function formatMessage(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}
