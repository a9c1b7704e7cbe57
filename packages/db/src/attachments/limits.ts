/** The size limits of evidence files. */
export interface AttachmentLimits {
  /** The largest file, in bytes. */
  maxFileBytes: number;
  /** The most a learner may hold in files altogether, in bytes. */
  maxLearnerBytes: number;
}

/**
 * 20 MB a file (a scan, a letter, a short recording; longer recordings belong on the centre's own
 * media store, linked from a document) and 200 MB a learner. An upload is written part by part as it
 * arrives (decision 044): the limits bound what is stored, not the memory an upload takes.
 */
export const ATTACHMENT_LIMITS: AttachmentLimits = Object.freeze({ maxFileBytes: 20 * 1024 * 1024, maxLearnerBytes: 200 * 1024 * 1024 });

/** The size of one stored part of a blob: what a download holds at a time. */
export const BLOB_PART_BYTES = 256 * 1024;
