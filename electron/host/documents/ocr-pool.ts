import type { OcrEngine } from './ocr-engine';

export interface OcrJobContext {
  engine: OcrEngine;
  progress(fraction: number): void;
  cancelled(): boolean;
}

interface Job<T> {
  id: string;
  run(ctx: OcrJobContext): Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  cancelled: boolean;
  progress: number;
}

export class JobCancelled extends Error {
  constructor(readonly jobId: string) {
    super(`OCR job ${jobId} cancelled`);
    this.name = 'JobCancelled';
  }
}

interface Slot {
  engine: Promise<OcrEngine> | null;
  job: Job<unknown> | null;
}

export interface OcrPoolOptions {
  /** Engines working at once; each is a few tesseract worker threads. */
  size: number;
  startEngine(): Promise<OcrEngine>;
}

/**
 * A queue of OCR jobs served by a small pool of engines, started on first use. Jobs run first come, first
 * served; a queued job can be cancelled at once, a running one stops at its next step (a page or one second
 * reading, well under a second). Progress per job is kept for the UI to poll.
 */
export class OcrPool {
  private readonly slots: Slot[];
  private readonly queue: Job<unknown>[] = [];
  private closed = false;

  constructor(private readonly options: OcrPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ engine: null, job: null }));
  }

  submit<T>(id: string, run: (ctx: OcrJobContext) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('OCR pool closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id, run, resolve, reject, cancelled: false, progress: 0 } as Job<unknown>);
      this.pump();
    });
  }

  /** True if the job was queued or running. */
  cancel(id: string): boolean {
    const queued = this.queue.findIndex((j) => j.id === id);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      job!.reject(new JobCancelled(id));
      return true;
    }
    const running = this.slots.find((s) => s.job?.id === id);
    if (running?.job) {
      running.job.cancelled = true;
      return true;
    }
    return false;
  }

  /** 0–1 for a running job, 0 for a queued one, undefined for one the pool does not hold. */
  progress(id: string): number | undefined {
    const running = this.slots.find((s) => s.job?.id === id)?.job;
    if (running) return running.progress;
    return this.queue.some((j) => j.id === id) ? 0 : undefined;
  }

  /** Position in the queue (1 = next), 0 while running, undefined if unknown. */
  position(id: string): number | undefined {
    if (this.slots.some((s) => s.job?.id === id)) return 0;
    const at = this.queue.findIndex((j) => j.id === id);
    return at >= 0 ? at + 1 : undefined;
  }

  get busy(): boolean {
    return this.queue.length > 0 || this.slots.some((s) => s.job !== null);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0 || this.closed) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      void this.runOn(slot, job);
    }
  }

  private async runOn(slot: Slot, job: Job<unknown>): Promise<void> {
    try {
      slot.engine ??= this.options.startEngine();
      let engine: OcrEngine;
      try {
        engine = await slot.engine;
      } catch (e) {
        slot.engine = null; // try again with the next job
        throw e;
      }
      // Cancelled while its engine was starting: it does not start at all.
      if (job.cancelled) throw new JobCancelled(job.id);
      const value = await job.run({
        engine,
        progress: (f) => {
          job.progress = Math.max(job.progress, Math.min(1, f));
        },
        cancelled: () => job.cancelled || this.closed,
      });
      if (job.cancelled) job.reject(new JobCancelled(job.id));
      else job.resolve(value);
    } catch (e) {
      // A stalled engine is dropped (its threads stopped) so the next job starts a fresh one.
      if (e instanceof Error && e.name === 'EngineStalled') {
        const broken = slot.engine;
        slot.engine = null;
        void broken?.then((en) => en.stop()).catch(() => {});
      }
      job.reject(job.cancelled ? new JobCancelled(job.id) : e);
    } finally {
      slot.job = null;
      this.pump();
    }
  }

  /** Stops every engine; queued jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new JobCancelled(job.id));
    await Promise.allSettled(this.slots.map(async (s) => (s.engine ? (await s.engine).stop() : undefined)));
  }
}
