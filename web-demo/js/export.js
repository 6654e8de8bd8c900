// Segment exports (CSV for Excel, or JSON) through the package's exportSegments, masked like the
// screen when masking is on, saved with a download link to a Blob (nothing leaves the device).
import { maskedSegments } from './mask.js';

export async function downloadSegment(worker, segments, pack, group, format) {
  const file = await worker.exportSegments(maskedSegments(segments), { pack, groups: group ? [group] : undefined, format });
  const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;  // the package names it after the pack and group
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}
