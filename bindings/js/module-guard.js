// The core's functions take their options as strings, which embind copies into WebAssembly
// memory with _malloc before the C++ code (and its out-of-memory guard) runs. When memory is
// full that copy fails where no C++ handler can catch it, so the error would escape as a bare
// WebAssembly.Exception (and Emscripten 3.1.6 would leak it). This wrapper first checks that
// the strings' room is there, and reports an out_of_memory OrderlensError if it is not.
import { OrderlensError } from './errors.js';

const encoder = new TextEncoder();

function stringBytes(args) {
  let bytes = 0;
  // embind's copy (length, bytes, NUL) and the C++ std::string made from it, with allocator slack.
  for (const a of args) if (typeof a === 'string') bytes += 2 * (16 + (a.length < 1024 ? 3 * a.length : encoder.encode(a).length));
  return bytes;
}

/** The Emscripten module with its exported functions checked for the room of their string arguments. */
export function guardedModule(module) {
  const wrapped = new Map();
  return new Proxy(module, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== 'function' || typeof name !== 'string' || name.startsWith('_')) return value;
      let f = wrapped.get(name);
      if (!f) {
        f = (...args) => {
          const bytes = stringBytes(args);
          if (bytes > 0) {
            const probe = target._malloc(bytes) >>> 0;
            if (!probe) throw new OrderlensError('ran out of memory: the WebAssembly heap is limited to 4 GB (less on many phones); dispose datasets no longer needed, or read a smaller export', 'out_of_memory');
            target._free(probe);
          }
          return value.apply(target, args);
        };
        wrapped.set(name, f);
      }
      return f;
    },
  });
}
