/* arena.h - bump allocator for compiler data.
 *
 * One arena per compilation: everything the front end, the IR and the passes
 * allocate lives here and is freed at once by arena_free.  Allocation never
 * fails silently: on out-of-memory the process aborts with a message (memory
 * exhaustion is not a user error the compiler can recover from). */
#ifndef SINTER_ARENA_H
#define SINTER_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
/* Zeroed, 16-byte aligned memory valid until arena_free. */
void *arena_alloc(Arena *a, size_t size);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
/* printf into the arena. */
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable array of pointers living in an arena (old storage is simply
 * abandoned on growth).  Used for node lists whose size is not known. */
typedef struct {
    void **items;
    int len, cap;
} PtrVec;
void ptrvec_push(Arena *a, PtrVec *v, void *item);

/* Zeroed heap memory outside any arena (at least one byte); aborts on
 * exhaustion like the arena.  Free with free(). */
void *ir_xcalloc(size_t n, size_t size);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif
