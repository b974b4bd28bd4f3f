/**
 * Remembers a function of a text for the texts it was last given: normalising or tokenising
 * the same titles and codes again on every keystroke of a search over 5,000 actions is what
 * made typing slow. Bounded: past `capacity` texts the memory starts again.
 */
export function memoizeText<T>(compute: (text: string) => T, capacity = 50_000): (text: string) => T {
  let known = new Map<string, T>();
  return (text: string): T => {
    const found = known.get(text);
    if (found !== undefined) return found;
    const value = compute(text);
    if (known.size >= capacity) known = new Map();
    known.set(text, value);
    return value;
  };
}
