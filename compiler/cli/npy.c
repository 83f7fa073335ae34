/* npy.c - NumPy .npy reader and writer (contract in npy.h).
 *
 * Reading is split into three pure steps shared by the file and memory
 * readers: the preamble (magic, version, header length), the header dict
 * (a tiny recursive-descent parser over the Python literal subset numpy
 * writes) and the size check (shape product with overflow checks, compared
 * with the bytes actually present).  Only after all three succeed is the
 * data buffer allocated, so its size is bounded by the input's real length.
 * Internal steps write their message into a fixed Msg buffer; the public
 * entry points copy it to the caller's err with the path as a prefix.
 * libc only; assumes a little-endian host (checked at compile time). */
#include "npy.h"
#include "files.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "npy.c assumes a little-endian host"
#endif

#define MAGIC "\x93NUMPY"
#define MAGIC_LEN 6
#define MAX_HEADER_LEN ((size_t)1 << 20) /* numpy's own are < 1 KiB */
#define ALIGN 64                         /* numpy's ARRAY_ALIGN */
#define GROWTH_DIGITS 21                 /* numpy's GROWTH_AXIS_MAX_DIGITS */
#define MSG_LEN 512
#define SUPPORTED "supported: f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1"

/* Everything the header says, plus what is derived from it. */
typedef struct {
    NpyKind kind;
    int itemsize;
    bool swap;    /* big-endian data: swap bytes after loading */
    bool fortran;
    int rank;     /* may exceed NPY_MAX_RANK while parsing (then rejected) */
    int64_t shape[NPY_MAX_RANK];
    int64_t numel;
    size_t nbytes;
} Meta;

static bool fail(char *msg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool fail(char *msg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, MSG_LEN, fmt, ap);
    va_end(ap);
    return false;
}

/* err = "name: msg" (or just msg when name is NULL). */
static void report(char *err, size_t errlen, const char *name, const char *msg)
{
    if (!err || errlen == 0)
        return;
    if (name)
        snprintf(err, errlen, "%s: %s", name, msg);
    else
        snprintf(err, errlen, "%s", msg);
}

/* ---- dtypes and sizes ---------------------------------------------------- */

bool npy_valid_dtype(NpyKind kind, int itemsize)
{
    switch (kind) {
    case NPY_FLOAT: return itemsize == 2 || itemsize == 4 || itemsize == 8;
    case NPY_INT:
    case NPY_UINT:
        return itemsize == 1 || itemsize == 2 || itemsize == 4 || itemsize == 8;
    case NPY_BOOL: return itemsize == 1;
    }
    return false;
}

static char kind_char(NpyKind kind)
{
    switch (kind) {
    case NPY_FLOAT: return 'f';
    case NPY_INT: return 'i';
    case NPY_UINT: return 'u';
    case NPY_BOOL: return 'b';
    }
    return '?';
}

/* Python repr of a shape tuple: "()", "(5,)", "(3, 4)". */
static void format_shape(int rank, const int64_t *shape, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < rank && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%lld", i ? ", " : "",
                              (long long)shape[i]);
    if (n < cap)
        snprintf(buf + n, cap - n, rank == 1 ? ",)" : ")");
}

/* numel and nbytes of a shape, failing on negative dims or overflow.  The
 * product of the non-zero dims must fit even when some dim is 0. */
static bool shape_size(int rank, const int64_t *shape, int itemsize,
                       int64_t *numel, size_t *nbytes, char *msg)
{
    int64_t prod = 1;
    bool zero = false;
    for (int i = 0; i < rank; i++) {
        if (shape[i] < 0)
            return fail(msg, "negative dimension %lld in shape",
                        (long long)shape[i]);
        if (shape[i] == 0)
            zero = true;
        else if (prod > INT64_MAX / shape[i])
            return fail(msg, "shape overflows: element count exceeds int64");
        else
            prod *= shape[i];
    }
    const int64_t limit =
        SIZE_MAX >= (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)SIZE_MAX;
    if (prod > limit / itemsize)
        return fail(msg, "shape overflows: byte size of %lld elements of %d "
                    "bytes exceeds the address space", (long long)prod, itemsize);
    *numel = zero ? 0 : prod;
    *nbytes = (size_t)*numel * (size_t)itemsize;
    return true;
}

/* ---- header dict parser -------------------------------------------------- */

typedef struct {
    const char *start, *p, *end;
    char *msg;
} Cur;

static bool malformed(Cur *c, const char *what)
{
    return fail(c->msg, "malformed header: %s at offset %td", what,
                c->p - c->start);
}

static void skip_ws(Cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' ||
                             *c->p == '\r'))
        c->p++;
}

static bool eat(Cur *c, char ch)
{
    skip_ws(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}

static bool is_ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '_';
}

/* A quoted string (either quote), no escapes; s, n point into the header. */
static bool parse_str(Cur *c, const char **s, size_t *n)
{
    skip_ws(c);
    if (c->p >= c->end || (*c->p != '\'' && *c->p != '"'))
        return malformed(c, "expected a quoted string");
    char q = *c->p++;
    const char *b = c->p;
    while (c->p < c->end && *c->p != q && *c->p != '\\')
        c->p++;
    if (c->p >= c->end || *c->p == '\\')
        return malformed(c, "unterminated string or escape in string");
    *s = b;
    *n = (size_t)(c->p - b);
    c->p++;
    return true;
}

static bool parse_bool(Cur *c, bool *v)
{
    skip_ws(c);
    size_t left = (size_t)(c->end - c->p);
    size_t n = 0;
    if (left >= 4 && memcmp(c->p, "True", 4) == 0)
        n = 4, *v = true;
    else if (left >= 5 && memcmp(c->p, "False", 5) == 0)
        n = 5, *v = false;
    if (n == 0 || (n < left && is_ident_char(c->p[n])))
        return malformed(c, "fortran_order must be True or False");
    c->p += n;
    return true;
}

/* A non-negative decimal integer, optionally with Python 2's 'L' suffix. */
static bool parse_dim(Cur *c, int64_t *v)
{
    skip_ws(c);
    if (c->p < c->end && *c->p == '-')
        return fail(c->msg, "negative dimension in shape");
    if (c->p >= c->end || *c->p < '0' || *c->p > '9')
        return malformed(c, "expected an integer in shape");
    int64_t x = 0;
    for (; c->p < c->end && *c->p >= '0' && *c->p <= '9'; c->p++) {
        int d = *c->p - '0';
        if (x > (INT64_MAX - d) / 10)
            return fail(c->msg, "shape overflows: dimension exceeds int64");
        x = x * 10 + d;
    }
    if (c->p < c->end && (*c->p == 'L' || *c->p == 'l'))
        c->p++;
    *v = x;
    return true;
}

/* "()", "(5,)", "(5)", "(3, 4)", "(3, 4,)".  Counts dims past the limit. */
static bool parse_shape(Cur *c, Meta *m)
{
    if (!eat(c, '('))
        return malformed(c, "shape must be a tuple");
    m->rank = 0;
    if (eat(c, ')'))
        return true;
    for (;;) {
        int64_t d = 0;
        if (!parse_dim(c, &d))
            return false;
        if (m->rank < NPY_MAX_RANK)
            m->shape[m->rank] = d;
        if (m->rank == INT32_MAX)
            return fail(c->msg, "rank too large");
        m->rank++;
        if (eat(c, ')'))
            return true;
        if (!eat(c, ','))
            return malformed(c, "expected ',' or ')' in shape");
        if (eat(c, ')'))
            return true;
    }
}

/* '<f4', '|u1', '>i8', 'f8' ... into kind/itemsize/swap. */
static bool parse_descr(const char *s, size_t n, Meta *m, char *msg)
{
    char order = '=';
    const char *t = s;
    if (n > 0 && s[0] != '\0' && strchr("<>|=", s[0]))
        order = s[0], t++;
    size_t tn = n - (size_t)(t - s);
    static const struct { char ch; NpyKind kind; } kinds[] = {
        {'f', NPY_FLOAT}, {'i', NPY_INT}, {'u', NPY_UINT}, {'b', NPY_BOOL}};
    for (size_t i = 0; tn == 2 && i < sizeof kinds / sizeof kinds[0]; i++) {
        int size = t[1] - '0';
        if (t[0] == kinds[i].ch && npy_valid_dtype(kinds[i].kind, size)) {
            m->kind = kinds[i].kind;
            m->itemsize = size;
            m->swap = order == '>' && size > 1;
            return true;
        }
    }
    return fail(msg, "unsupported dtype '%.*s' (" SUPPORTED ")",
                (int)(n > 40 ? 40 : n), s);
}

enum { KEY_DESCR, KEY_FORTRAN, KEY_SHAPE, NKEYS };
static const char *const key_names[NKEYS] = {"descr", "fortran_order", "shape"};

static bool parse_value(Cur *c, int key, Meta *m)
{
    if (key == KEY_FORTRAN)
        return parse_bool(c, &m->fortran);
    if (key == KEY_SHAPE)
        return parse_shape(c, m);
    skip_ws(c);
    if (c->p < c->end && *c->p == '[')
        return fail(c->msg, "structured dtypes (descr is a list) are not "
                    "supported (" SUPPORTED ")");
    const char *s;
    size_t n;
    return parse_str(c, &s, &n) && parse_descr(s, n, m, c->msg);
}

/* One "'key': value" entry; seen[] catches duplicates. */
static bool parse_entry(Cur *c, Meta *m, bool seen[NKEYS])
{
    const char *s;
    size_t n;
    if (!parse_str(c, &s, &n))
        return false;
    int key = 0;
    while (key < NKEYS && !(strlen(key_names[key]) == n &&
                            memcmp(key_names[key], s, n) == 0))
        key++;
    if (key == NKEYS)
        return fail(c->msg, "malformed header: unknown key '%.*s'",
                    (int)(n > 40 ? 40 : n), s);
    if (seen[key])
        return fail(c->msg, "malformed header: duplicate key '%s'",
                    key_names[key]);
    seen[key] = true;
    if (!eat(c, ':'))
        return malformed(c, "expected ':' after key");
    return parse_value(c, key, m);
}

static bool check_ascii(const char *h, size_t n, char *msg)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)h[i];
        if ((ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') || ch >= 0x7f)
            return fail(msg, "malformed header: byte 0x%02x at offset %zu is "
                        "not printable ASCII", ch, i);
    }
    return true;
}

static bool parse_dict(Cur *c, Meta *m)
{
    bool seen[NKEYS] = {false, false, false};
    if (!eat(c, '{'))
        return malformed(c, "expected '{'");
    for (;;) {
        if (eat(c, '}'))
            break;
        if (!parse_entry(c, m, seen))
            return false;
        if (eat(c, '}'))
            break;
        if (!eat(c, ','))
            return malformed(c, "expected ',' or '}'");
    }
    skip_ws(c);
    if (c->p != c->end)
        return malformed(c, "unexpected text after '}'");
    for (int k = 0; k < NKEYS; k++)
        if (!seen[k])
            return fail(c->msg, "malformed header: missing key '%s'",
                        key_names[k]);
    return true;
}

/* Fortran order is only accepted when it equals C order. */
static bool check_layout(const Meta *m, char *msg)
{
    if (m->rank > NPY_MAX_RANK)
        return fail(msg, "rank %d exceeds the maximum of %d", m->rank,
                    NPY_MAX_RANK);
    int big = 0;
    for (int i = 0; i < m->rank; i++)
        big += m->shape[i] > 1;
    if (m->fortran && big > 1) {
        char sh[256];
        format_shape(m->rank, m->shape, sh, sizeof sh);
        return fail(msg, "fortran_order=True (column-major) data of shape %s "
                    "is not supported; save np.ascontiguousarray(x)", sh);
    }
    return true;
}

/* Header text -> Meta with numel/nbytes filled in. */
static bool parse_header(const char *h, size_t n, Meta *m, char *msg)
{
    memset(m, 0, sizeof *m);
    Cur c = {h, h, h + n, msg};
    return check_ascii(h, n, msg) && parse_dict(&c, m) &&
           check_layout(m, msg) &&
           shape_size(m->rank, m->shape, m->itemsize, &m->numel, &m->nbytes,
                      msg);
}

/* ---- preamble and size check --------------------------------------------- */

/* Magic, version and header length from the first len bytes (>= 12 read if
 * present).  Sets *hoff (where the header starts) and *hlen. */
static bool parse_preamble(const unsigned char *b, size_t len, size_t *hoff,
                           size_t *hlen, char *msg)
{
    if (memcmp(b, MAGIC, len < MAGIC_LEN ? len : MAGIC_LEN) != 0)
        return fail(msg, "not a .npy file (bad magic; expected \\x93NUMPY)");
    if (len < MAGIC_LEN + 2)
        return fail(msg, "too short for a .npy file (%zu bytes)", len);
    int major = b[6], minor = b[7];
    if (major < 1 || major > 3 || minor != 0)
        return fail(msg, "unsupported .npy format version %d.%d (supported: "
                    "1.0, 2.0, 3.0)", major, minor);
    size_t lsz = major == 1 ? 2 : 4;
    if (len < 8 + lsz)
        return fail(msg, "too short for a .npy file (%zu bytes)", len);
    size_t n = 0;
    for (size_t i = 0; i < lsz; i++)
        n |= (size_t)b[8 + i] << (8 * i);
    if (n > MAX_HEADER_LEN)
        return fail(msg, "header length %zu exceeds the limit of %zu bytes", n,
                    MAX_HEADER_LEN);
    *hoff = 8 + lsz;
    *hlen = n;
    return true;
}

static bool truncated_header(size_t hlen, size_t have, char *msg)
{
    return fail(msg, "truncated header: header length is %zu bytes, file has "
                "%zu", hlen, have);
}

/* The data present must be exactly nbytes. */
static bool check_data_len(const Meta *m, size_t avail, char *msg)
{
    if (avail < m->nbytes)
        return fail(msg, "truncated: header says %lld elements of %d bytes, "
                    "file has %zu bytes of data", (long long)m->numel,
                    m->itemsize, avail);
    if (avail > m->nbytes)
        return fail(msg, "%zu unexpected bytes after the data (header says "
                    "%lld elements of %d bytes)", avail - m->nbytes,
                    (long long)m->numel, m->itemsize);
    return true;
}

static void swap_bytes(unsigned char *d, int64_t numel, int size)
{
    for (int64_t k = 0; k < numel; k++, d += size)
        for (int i = 0; i < size / 2; i++) {
            unsigned char t = d[i];
            d[i] = d[size - 1 - i];
            d[size - 1 - i] = t;
        }
}

/* Takes ownership of data. */
static void fill_out(NpyArray *out, const Meta *m, void *data)
{
    if (m->swap)
        swap_bytes(data, m->numel, m->itemsize);
    out->kind = m->kind;
    out->itemsize = m->itemsize;
    out->rank = m->rank;
    memcpy(out->shape, m->shape, sizeof out->shape);
    out->numel = m->numel;
    out->data = data;
}

static void *alloc_data(size_t nbytes, char *msg)
{
    void *p = malloc(nbytes ? nbytes : 1);
    if (!p)
        fail(msg, "out of memory allocating %zu bytes", nbytes);
    return p;
}

/* ---- memory reader ------------------------------------------------------- */

static bool read_mem(const unsigned char *b, size_t len, NpyArray *out,
                     char *msg)
{
    size_t hoff, hlen;
    Meta m;
    if (!parse_preamble(b, len, &hoff, &hlen, msg))
        return false;
    if (len - hoff < hlen)
        return truncated_header(hlen, len - hoff, msg);
    if (!parse_header((const char *)b + hoff, hlen, &m, msg) ||
        !check_data_len(&m, len - hoff - hlen, msg))
        return false;
    void *data = alloc_data(m.nbytes, msg);
    if (!data)
        return false;
    if (m.nbytes)
        memcpy(data, b + hoff + hlen, m.nbytes);
    fill_out(out, &m, data);
    return true;
}

bool npy_read_mem(const void *bytes, size_t len, NpyArray *out, char *err,
                  size_t errlen)
{
    char msg[MSG_LEN];
    memset(out, 0, sizeof *out);
    if (!bytes && len > 0) {
        report(err, errlen, NULL, "no buffer given");
        return false;
    }
    if (read_mem(bytes ? bytes : "", len, out, msg))
        return true;
    report(err, errlen, NULL, msg);
    return false;
}

/* ---- file reader --------------------------------------------------------- */

static bool read_failed(FILE *f, char *msg)
{
    return fail(msg, "read error: %s", ferror(f) ? strerror(errno) : "EOF");
}

/* Reads the header bytes that follow the preamble; `pre` holds the first
 * npre bytes of the file, of which those past hoff already belong to it. */
static char *read_header(FILE *f, const unsigned char *pre, size_t npre,
                         size_t hoff, size_t hlen, char *msg)
{
    char *h = malloc(hlen ? hlen : 1);
    if (!h) {
        fail(msg, "out of memory reading the header");
        return NULL;
    }
    size_t have = npre - hoff < hlen ? npre - hoff : hlen;
    memcpy(h, pre + hoff, have);
    have += fread(h + have, 1, hlen - have, f);
    if (have < hlen) {
        if (ferror(f))
            read_failed(f, msg);
        else
            truncated_header(hlen, have, msg);
        free(h);
        return NULL;
    }
    return h;
}

/* Reads up to nbytes of data, growing the buffer only as data arrives
 * (start at cap0) so an unverifiable size (a pipe) cannot force a big
 * allocation.  *got is what was read; NULL on allocation/read failure. */
static unsigned char *read_data(FILE *f, size_t nbytes, size_t cap0,
                                size_t *got, char *msg)
{
    size_t cap = cap0 < nbytes ? cap0 : nbytes;
    unsigned char *d = alloc_data(cap, msg);
    *got = 0;
    while (d && *got < nbytes) {
        if (*got == cap) {
            cap = cap > nbytes / 2 ? nbytes : cap * 2;
            unsigned char *nd = realloc(d, cap);
            if (!nd) {
                free(d);
                fail(msg, "out of memory allocating %zu bytes", cap);
                return NULL;
            }
            d = nd;
        }
        size_t n = fread(d + *got, 1, cap - *got, f);
        *got += n;
        if (n == 0)
            break;
    }
    if (d && ferror(f)) {
        free(d);
        read_failed(f, msg);
        return NULL;
    }
    return d;
}

/* Data part: size pre-check for regular files, then read exactly nbytes. */
static bool read_body(FILE *f, const struct stat *st, size_t off,
                      const Meta *m, NpyArray *out, char *msg)
{
    bool regular = S_ISREG(st->st_mode);
    size_t size = (size_t)st->st_size;
    if (regular && !check_data_len(m, size > off ? size - off : 0, msg))
        return false;
    size_t got;
    unsigned char *d = read_data(f, m->nbytes, regular ? m->nbytes : 1 << 20,
                                 &got, msg);
    if (!d)
        return false;
    bool ok = true;
    if (got < m->nbytes)
        ok = check_data_len(m, got, msg);
    else if (fgetc(f) != EOF)
        ok = fail(msg, "unexpected bytes after the data (header says %lld "
                  "elements of %d bytes)", (long long)m->numel, m->itemsize);
    if (!ok) {
        free(d);
        return false;
    }
    fill_out(out, m, d);
    return true;
}

static bool read_stream(FILE *f, const struct stat *st, NpyArray *out,
                        char *msg)
{
    unsigned char pre[12];
    size_t npre = fread(pre, 1, sizeof pre, f), hoff, hlen;
    if (npre < sizeof pre && ferror(f))
        return read_failed(f, msg);
    if (!parse_preamble(pre, npre, &hoff, &hlen, msg))
        return false;
    char *h = read_header(f, pre, npre, hoff, hlen, msg);
    if (!h)
        return false;
    Meta m;
    bool ok = parse_header(h, hlen, &m, msg);
    free(h);
    return ok && read_body(f, st, hoff + hlen, &m, out, msg);
}

bool npy_read(const char *path, NpyArray *out, char *err, size_t errlen)
{
    char msg[MSG_LEN];
    struct stat st;
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    bool ok = false;
    if (!f)
        fail(msg, "cannot open: %s", strerror(errno));
    else if (fstat(fileno(f), &st) != 0)
        fail(msg, "cannot stat: %s", strerror(errno));
    else if (S_ISDIR(st.st_mode))
        fail(msg, "is a directory");
    else
        ok = read_stream(f, &st, out, msg);
    if (f)
        fclose(f);
    if (!ok)
        report(err, errlen, path, msg);
    return ok;
}

void npy_free(NpyArray *a)
{
    if (!a)
        return;
    free(a->data);
    memset(a, 0, sizeof *a);
}

/* ---- writer -------------------------------------------------------------- */

/* The complete preamble + header exactly as np.save writes it; returns its
 * length (a multiple of ALIGN). */
static size_t build_header(char *buf, size_t cap, NpyKind kind, int itemsize,
                           int rank, const int64_t *shape)
{
    char sh[NPY_MAX_RANK * 24 + 8];
    format_shape(rank, shape, sh, sizeof sh);
    int n = snprintf(buf + 10, cap - 10,
                     "{'descr': '%c%c%d', 'fortran_order': False, "
                     "'shape': %s, }", itemsize == 1 ? '|' : '<',
                     kind_char(kind), itemsize, sh);
    if (rank > 0) {
        int digits = snprintf(NULL, 0, "%lld", (long long)shape[0]);
        n += snprintf(buf + 10 + n, cap - 10 - (size_t)n, "%*s",
                      GROWTH_DIGITS - digits, "");
    }
    int pad = ALIGN - (10 + n + 1) % ALIGN;
    memset(buf + 10 + n, ' ', (size_t)pad);
    n += pad;
    buf[10 + n++] = '\n';
    memcpy(buf, MAGIC "\x01\x00", 8);
    buf[8] = (char)(n & 0xff);
    buf[9] = (char)(n >> 8);
    return 10 + (size_t)n;
}

static bool check_write_args(NpyKind kind, int itemsize, int rank,
                             const int64_t *shape, const void *data,
                             size_t *nbytes, char *msg)
{
    int64_t numel;
    if (!npy_valid_dtype(kind, itemsize))
        return fail(msg, "unsupported dtype (kind %d, itemsize %d; " SUPPORTED
                    ")", (int)kind, itemsize);
    if (rank < 0 || rank > NPY_MAX_RANK)
        return fail(msg, "rank %d outside 0..%d", rank, NPY_MAX_RANK);
    if (rank > 0 && !shape)
        return fail(msg, "no shape given");
    if (!shape_size(rank, shape, itemsize, &numel, nbytes, msg))
        return false;
    if (!data && *nbytes > 0)
        return fail(msg, "no data given");
    return true;
}

typedef struct {
    const char *hdr;
    size_t hlen;
    const void *data;
    size_t nbytes;
} Body;

static bool write_body(FILE *f, void *ctx)
{
    const Body *b = ctx;
    return fwrite(b->hdr, 1, b->hlen, f) == b->hlen &&
           (b->nbytes == 0 || fwrite(b->data, 1, b->nbytes, f) == b->nbytes);
}

bool npy_write(const char *path, NpyKind kind, int itemsize, int rank,
               const int64_t *shape, const void *data, char *err,
               size_t errlen)
{
    char msg[MSG_LEN], hdr[1024];
    size_t nbytes = 0;
    if (!check_write_args(kind, itemsize, rank, shape, data, &nbytes, msg)) {
        report(err, errlen, path, msg);
        return false;
    }
    Body b = {hdr, build_header(hdr, sizeof hdr, kind, itemsize, rank, shape), data, nbytes};
    return file_replace(path, write_body, &b, err, errlen);
}

/* ---- element access ------------------------------------------------------ */

double npy_half_to_double(uint16_t h)
{
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double v;
    if (e == 0)
        v = ldexp(m, -24);
    else if (e == 31)
        v = m ? NAN : INFINITY;
    else
        v = ldexp(m | 0x400, e - 25);
    return (h & 0x8000) ? -v : v;
}

static const void *elem(const NpyArray *a, int64_t k)
{
    assert(a && a->data && k >= 0 && k < a->numel);
    return (const char *)a->data + k * a->itemsize;
}

static int64_t get_int(const NpyArray *a, int64_t k)
{
    const void *p = elem(a, k);
    int8_t i1; int16_t i2; int32_t i4; int64_t i8;
    switch (a->itemsize) {
    case 1: memcpy(&i1, p, 1); return i1;
    case 2: memcpy(&i2, p, 2); return i2;
    case 4: memcpy(&i4, p, 4); return i4;
    default: memcpy(&i8, p, 8); return i8;
    }
}

static uint64_t get_uint(const NpyArray *a, int64_t k)
{
    const void *p = elem(a, k);
    uint8_t u1; uint16_t u2; uint32_t u4; uint64_t u8;
    switch (a->itemsize) {
    case 1: memcpy(&u1, p, 1); return u1;
    case 2: memcpy(&u2, p, 2); return u2;
    case 4: memcpy(&u4, p, 4); return u4;
    default: memcpy(&u8, p, 8); return u8;
    }
}

static double get_float(const NpyArray *a, int64_t k)
{
    const void *p = elem(a, k);
    uint16_t h; float f; double d;
    switch (a->itemsize) {
    case 2: memcpy(&h, p, 2); return npy_half_to_double(h);
    case 4: memcpy(&f, p, 4); return f;
    default: memcpy(&d, p, 8); return d;
    }
}

double npy_get_f64(const NpyArray *a, int64_t k)
{
    switch (a->kind) {
    case NPY_FLOAT: return get_float(a, k);
    case NPY_INT: return (double)get_int(a, k);
    case NPY_UINT: return (double)get_uint(a, k);
    case NPY_BOOL: return get_uint(a, k) != 0;
    }
    return 0;
}

int64_t npy_get_i64(const NpyArray *a, int64_t k)
{
    switch (a->kind) {
    case NPY_INT: return get_int(a, k);
    case NPY_UINT: return (int64_t)get_uint(a, k);
    case NPY_BOOL: return get_uint(a, k) != 0;
    case NPY_FLOAT: break;
    }
    double d = get_float(a, k);
    if (isnan(d))
        return 0;
    if (d >= 9223372036854775808.0)
        return INT64_MAX;
    if (d < -9223372036854775808.0)
        return INT64_MIN;
    return (int64_t)d;
}
