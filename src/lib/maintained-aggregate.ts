/**
 * An aggregate kept in memory between changes (issue 19). The database raises a counter in the
 * same transaction as every change the aggregate is built from (migration 0032), so one tiny read
 * says whether the copy in hand is current. When it is not, a new one is built in the background
 * and the last complete copy is served meanwhile: no request waits for a rebuild, only the very
 * first (nothing built yet) or one that asks to wait (`current`).
 */
type Built<V> = { version: number; value: V };
type Slot<V> = { ready: Built<V> | null; building: Map<number, Promise<V>> };

export type MaintainedAggregate<V> = {
  /** The aggregate at `version` if built, else the last complete one while it is built. */
  load(owner: object, key: string, version: number, build: () => Promise<V>): Promise<V>;
  /** The aggregate at `version`, waiting for its build (a job that keeps it warm, a test). */
  current(owner: object, key: string, version: number, build: () => Promise<V>): Promise<V>;
};

export function maintainedAggregate<V>(): MaintainedAggregate<V> {
  const owners = new WeakMap<object, Map<string, Slot<V>>>();
  const slotOf = (owner: object, key: string) => {
    let slots = owners.get(owner);
    if (!slots) owners.set(owner, (slots = new Map()));
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { ready: null, building: new Map() }));
    return slot;
  };
  const buildFor = (slot: Slot<V>, version: number, build: () => Promise<V>) => {
    const running = slot.building.get(version);
    if (running) return running;
    const promise = build().then((value) => {
      // Builds may finish out of order: an older one never replaces a newer copy.
      if (!slot.ready || slot.ready.version <= version) slot.ready = { version, value };
      return value;
    });
    slot.building.set(version, promise);
    // Whoever awaits `promise` meets its failure; a failed build is forgotten, so the next request builds again.
    const done = () => slot.building.get(version) === promise && slot.building.delete(version);
    promise.then(done, done);
    return promise;
  };
  return {
    load(owner, key, version, build) {
      const slot = slotOf(owner, key);
      if (slot.ready && slot.ready.version >= version) return Promise.resolve(slot.ready.value);
      const building = buildFor(slot, version, build);
      if (!slot.ready) return building;
      building.catch(() => undefined); // served the last copy; the next request tries again
      return Promise.resolve(slot.ready.value);
    },
    current(owner, key, version, build) {
      const slot = slotOf(owner, key);
      if (slot.ready && slot.ready.version >= version) return Promise.resolve(slot.ready.value);
      return buildFor(slot, version, build);
    },
  };
}
