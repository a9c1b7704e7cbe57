import { mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Each test file's world seeds two demo centres (documents, and the demo's signers signing through
// links): on a busy machine that takes longer than vitest's 10 s for a hook.
export default mergeConfig(sharedConfig(import.meta.dirname), { test: { hookTimeout: 60_000 } });
