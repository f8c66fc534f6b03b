/** Handlers for the channels a test does not exercise: each fails loudly if it is called. */
import { invokeContract, type InvokeChannel } from '../../../shared/contract.ts';
import type { HandlersFor } from '../../../electron/services/dispatcher.ts';

export function stubHandlers<K extends InvokeChannel>(except: readonly InvokeChannel[] = []): HandlersFor<K> {
  const entries = Object.keys(invokeContract)
    .filter((channel) => !except.includes(channel as InvokeChannel))
    .map((channel) => [channel, () => Promise.reject(new Error(`${channel} is not used by this test`))]);
  return Object.fromEntries(entries) as unknown as HandlersFor<K>;
}
