// /readyz: the database answers. The check is cached briefly so probes cannot flood Neo4j.

export class ReadinessCheck {
  private last: { at: number; ok: boolean } | null = null;
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly ttlMs = 1_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async ready(): Promise<boolean> {
    if (this.last && this.now() - this.last.at < this.ttlMs) return this.last.ok;
    this.pending ??= this.probe().then(
      () => true,
      () => false,
    );
    try {
      const ok = await this.pending;
      this.last = { at: this.now(), ok };
      return ok;
    } finally {
      this.pending = null;
    }
  }
}
