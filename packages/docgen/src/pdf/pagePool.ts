/**
 * A small pool of reusable resources (browser pages): at most `size` exist, callers wait for a free
 * one, and a resource that failed is dropped instead of returned.
 */
export class Pool<T> {
  private readonly idle: T[] = [];
  private readonly waiting: ((resource: T) => void)[] = [];
  private created = 0;

  constructor(
    private readonly size: number,
    private readonly create: () => Promise<T>,
  ) {}

  /** Runs `task` with a resource from the pool and gives the resource back afterwards. */
  async use<R>(task: (resource: T) => Promise<R>): Promise<R> {
    const resource = await this.acquire();
    let healthy = true;
    try {
      return await task(resource);
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      if (healthy) this.release(resource);
      else this.discard();
    }
  }

  /** Every resource not in use (for closing). */
  drain(): T[] {
    return this.idle.splice(0);
  }

  private async acquire(): Promise<T> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.created < this.size) {
      this.created++;
      try {
        return await this.create();
      } catch (error) {
        this.created--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(resource: T): void {
    const next = this.waiting.shift();
    if (next) next(resource);
    else this.idle.push(resource);
  }

  private discard(): void {
    this.created--;
    const next = this.waiting.shift();
    if (next) this.acquire().then(next, () => this.waiting.unshift(next));
  }
}
