/**
 * A cache of values worked out once per object (a template or its schema), with the last object
 * asked about kept beside the weak map: documents of one template tend to come together, and a
 * comparison is cheaper than a weak-map lookup, which the portfolio rules make thousands of times.
 *
 * @param make - works the value out the first time an object is asked about
 * @returns a function that gives the value for an object
 */
export function memoByObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as V;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) cache.set(key, (value = make(key)));
    lastKey = key;
    lastValue = value;
    return value as V;
  };
}
