import { afterEach, describe, expect, it, vi } from "vitest";
import { clearDraft, draftStorageKey, readDraft, writeDraft } from "./draftStore.ts";

function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe("drafts", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are written, read back and cleared under one key per template, version and host key", () => {
    vi.stubGlobal("window", { localStorage: fakeStorage() });
    const key = draftStorageKey("ilm-8588/session-record", "2.0.0", "doc-1");
    expect(key).toBe("ilm-forms:draft:ilm-8588/session-record@2.0.0:doc-1");
    expect(writeDraft(key, { goal: "x" })).toBe(true);
    expect(readDraft(key)?.data).toEqual({ goal: "x" });
    clearDraft("ilm-8588/session-record", "2.0.0", "doc-1");
    expect(readDraft(key)).toBeUndefined();
  });

  it("ignore what is not a draft, and storage that refuses", () => {
    const storage = fakeStorage();
    vi.stubGlobal("window", { localStorage: storage });
    storage.setItem("k", "[1,2]");
    expect(readDraft("k")).toBeUndefined();
    storage.setItem("k", "{not json");
    expect(readDraft("k")).toBeUndefined();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    expect(writeDraft("k", {})).toBe(false);
  });
});
