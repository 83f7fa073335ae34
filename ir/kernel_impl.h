/* kernel_impl.h - private interface between the kernel IR's files
 * (kernel.c, kernel_print.c, kernel_verify.c). */
#ifndef SINTER_KERNEL_IMPL_H
#define SINTER_KERNEL_IMPL_H

#include "kernel.h"

static inline const KOp *op_at(const KSegment *s, int i)
{
    return (const KOp *)s->ops.items[i];
}

static inline const KStore *store_at(const KSegment *s, int i)
{
    return (const KStore *)s->stores.items[i];
}

/* Appends printf output to buf[*pos..size), truncating safely. */
void kir_bprintf(char *buf, int size, int *pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* "input", "output", "temp" ("?" out of range). */
const char *kbuf_kind_name(KBufKind k);
/* "load", "const", ... ("?" out of range). */
const char *kop_kind_name(KOpKind k);

#endif
