// One reusable buffer in WebAssembly memory per instance, through which every input chunk is
// copied once into the core. Pointers above 2 GB are unsigned.
import { OrderlensError } from './errors.js';

export class ScratchBuffer {
  #module;
  #pointer = 0;
  #capacity = 0;

  constructor(module) {
    this.#module = module;
  }

  /** Copies `bytes` into the buffer (grown as needed); returns its address. */
  copyIn(bytes) {
    const pointer = this.reserve(bytes.length);
    this.#module.HEAPU8.set(bytes, pointer);  // re-read HEAPU8: memory may have grown
    return pointer;
  }

  /** The buffer's address, with room for `length` bytes. */
  reserve(length) {
    if (length > this.#capacity) {
      if (this.#pointer) this.#module._free(this.#pointer);
      this.#pointer = 0;
      this.#capacity = 0;
      const capacity = Math.max(length, 64 * 1024);
      const pointer = this.#module._malloc(capacity) >>> 0;
      if (!pointer) throw new OrderlensError('ran out of memory reserving a read buffer', 'out_of_memory');
      this.#pointer = pointer;
      this.#capacity = capacity;
    }
    return this.#pointer;
  }
}

/**
 * use(pointer, length) with `bytes` copied into a block of WebAssembly memory of their own, freed
 * afterwards (for a one-off input: a spend file, a workbook to decrypt); `what` names the input
 * in the out-of-memory error.
 */
export function withBytesInMemory(module, bytes, what, use) {
  const pointer = module._malloc(Math.max(bytes.length, 1)) >>> 0;
  if (!pointer) throw new OrderlensError(`ran out of memory reading ${what}`, 'out_of_memory');
  try {
    module.HEAPU8.set(bytes, pointer);
    return use(pointer, bytes.length);
  } finally {
    module._free(pointer);
  }
}
