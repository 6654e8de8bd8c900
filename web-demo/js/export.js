// Segment and recommendation exports (CSV for Excel, or JSON) through the package's
// exportSegments / exportRecommendations, masked like the screen when masking is on, saved with a
// download link to a Blob (nothing leaves the device).
import { maskedRecommendations, maskedSegments } from './mask.js';

function save(file) {
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

export async function downloadSegment(worker, segments, pack, group, format) {
  return save(await worker.exportSegments(maskedSegments(segments), { pack, groups: group ? [group] : undefined, format }));
}

/** `segments` gives the customers' id kinds for masking (maskedRecommendations). */
export async function downloadRecommendations(worker, recommendations, segments, format) {
  return save(await worker.exportRecommendations(maskedRecommendations(recommendations, segments), { format }));
}
