/** A CredentialSink that acknowledges (or not) like the provisioning service, with scripted faults. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CredentialItem, CredentialResult, CredentialSink } from '../../../../electron/engine/ports.ts';

/** Per call: answer these results, throw this error, or undefined for the default behaviour. */
export type SinkScript = (
  items: readonly CredentialItem[],
  call: number,
) => readonly CredentialResult[] | Error | undefined;

export class FakeSink implements CredentialSink {
  maxBatchSize = 25;
  /** The latest acknowledged item per source anchor. */
  readonly delivered = new Map<string, CredentialItem>();
  /** Every acknowledged item, in order. */
  readonly acknowledged: CredentialItem[] = [];
  readonly poison = new Set<string>();
  script: SinkScript | undefined;
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  /** While set, deliveries wait for it. */
  gate: Promise<void> | undefined;
  onAcknowledge: ((items: readonly CredentialItem[]) => void) | undefined;

  async deliver(
    items: readonly CredentialItem[],
    signal?: AbortSignal,
  ): Promise<readonly CredentialResult[]> {
    const call = ++this.calls;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await this.gate;
      if (this.delayMs) await sleep(this.delayMs, undefined, signal ? { signal } : {});
      const scripted = this.script?.(items, call);
      if (scripted instanceof Error) throw scripted;
      const results =
        scripted ??
        items.map((item): CredentialResult =>
          this.poison.has(item.sourceAnchor)
            ? {
                sourceAnchor: item.sourceAnchor,
                outcome: 'unknownUser',
                code: 4,
                message: 'No user with this source anchor.',
              }
            : { sourceAnchor: item.sourceAnchor, outcome: 'success', code: 0 },
        );
      const acked = items.filter(
        (_, i) => results[i]?.outcome === 'success' || results[i]?.outcome === 'staleIgnored',
      );
      this.onAcknowledge?.(acked);
      for (const item of acked) {
        this.delivered.set(item.sourceAnchor, item);
        this.acknowledged.push(item);
      }
      return results;
    } finally {
      this.inFlight--;
    }
  }
}
