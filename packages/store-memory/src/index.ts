/**
 * @zhibu/store-memory — the in-memory storage adapter (内存存储): the reference model of the
 * storage contract, for tests, demos and as the model the SQL adapter is checked against.
 */
export { MemoryStore, type MemoryStoreOptions } from "./memory-store.js"
