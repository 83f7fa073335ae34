/* files.h - the command line's file discipline.
 *
 * file_replace writes a file so that a reader (or a crash, or a full disk)
 * never sees a partial one: the content goes to a temporary file in the
 * same directory, is flushed and fsync'd, then renamed over `path`; on any
 * failure the temporary is removed and an existing `path` is left as it
 * was.  file_check_input refuses what no reader should try: a path that
 * is not a regular file (a directory, a FIFO, a device) or one larger than
 * max_bytes.  Both write a one-line message "PATH: why" into err on
 * failure and never print or exit. */
#ifndef SINTER_FILES_H
#define SINTER_FILES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Writes the content to f; false on a write error (errno set). */
typedef bool (*FileWriter)(FILE *f, void *ctx);

bool file_replace(const char *path, FileWriter write, void *ctx, char *err, size_t errlen);
/* *size (may be NULL) gets the file's size. */
bool file_check_input(const char *path, uint64_t max_bytes, uint64_t *size, char *err,
                      size_t errlen);

#endif
