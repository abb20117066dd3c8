// A shipped model that training and cross-validation can swap for another one for the length of
// a call (the lineage classifier, the claim scorer): the shipped one is loaded on first use.
export interface SwappableModel<M> {
  /** The model in use: the swapped-in one inside `use`, else the shipped one. */
  current(): M;
  /** Runs `fn` with `model` in use; restores the previous one afterwards, even on a throw. */
  use<T>(model: M, fn: () => T): T;
}

export function swappableModel<M>(loadShipped: () => M): SwappableModel<M> {
  let shipped: M | undefined;
  let active: M | undefined;
  return {
    current: () => active ?? (shipped ??= loadShipped()),
    use: (model, fn) => {
      const prev = active;
      active = model;
      try {
        return fn();
      } finally {
        active = prev;
      }
    },
  };
}
