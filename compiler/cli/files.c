/* files.c - replacing files atomically and vetting input paths (files.h). */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool why(char *err, size_t errlen, const char *path, const char *what, int e)
{
    if (err && errlen)
        snprintf(err, errlen, "%s: %s%s%s", path, what, e ? ": " : "", e ? strerror(e) : "");
    return false;
}

/* "DIR/.NAME.tmp.XXXXXX" next to path, for mkstemp (malloc'd). */
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%.*s.%s.tmpXXXXXX", (int)dir, path, path + dir);
    return t;
}

/* An existing non-regular target (a device such as /dev/stdout, a FIFO)
 * is written in place: renaming over it would replace the node. */
static bool write_in_place(const char *path, FileWriter write, void *ctx, char *err,
                           size_t errlen)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return why(err, errlen, path, "cannot create", errno);
    bool ok = write(f, ctx) && fflush(f) == 0;
    int e = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    return ok || why(err, errlen, path, "write failed", e);
}

bool file_replace(const char *path, FileWriter write, void *ctx, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return why(err, errlen, path, "cannot create", EISDIR);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, write, ctx, err, errlen);
    char *tmp = temp_name(path);
    if (!tmp)
        return why(err, errlen, path, "out of memory", 0);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return why(err, errlen, path, "cannot create", e);
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "wb");
    bool ok = f && write(f, ctx) && fflush(f) == 0 && fsync(fd) == 0;
    int e = errno;
    if ((f ? fclose(f) : close(fd)) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok || why(err, errlen, path, "write failed", e);
}

bool file_check_input(const char *path, uint64_t max_bytes, uint64_t *size, char *err,
                      size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return why(err, errlen, path, "cannot open", errno);
    if (S_ISDIR(st.st_mode))
        return why(err, errlen, path, "is a directory", 0);
    if (!S_ISREG(st.st_mode))
        return why(err, errlen, path, "is not a regular file", 0);
    if ((uint64_t)st.st_size > max_bytes) {
        char what[96];
        snprintf(what, sizeof what, "is larger than %llu MiB",
                 (unsigned long long)(max_bytes >> 20));
        return why(err, errlen, path, what, 0);
    }
    if (size)
        *size = (uint64_t)st.st_size;
    return true;
}
