/* cpu.c - CPU tensors through the kernel-IR executor (ir/kexec.h: the
 * fused kernels exactly as their schedule runs them on the GPU), or the
 * reference interpreter (ir/interp.h) for tests.  Both take values (f32
 * for float dtypes, i64 for the others) in dense buffers: inputs are read
 * from their storage through their strides, and outputs are stored only
 * after the whole run succeeded. */
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "kexec.h"
#include "sinter_ext.h"

/* The storage index of element k (row-major over a's shape, through its
 * strides), in elements: for f4e2m1, nibble index % 2 of byte index / 2
 * (dt_load_float_at). */
static int64_t index_of(const PxArg *a, int64_t k)
{
    int64_t off = 0;
    for (int d = a->t.rank - 1; d >= 0; d--) {
        off += (k % a->shape[d]) * a->strides[d];
        k /= a->shape[d];
    }
    return off;
}

/* Storage element k of a type of whole bytes. */
static char *element(const PxArg *a, int64_t k)
{
    return (char *)a->t.data + index_of(a, k) * px_dtype_size((int)a->t.dtype);
}

static int64_t load_int(const char *p, DType t)
{
    switch (t) {
    case DT_I8: return *(const int8_t *)p;
    case DT_I32: { int32_t v; memcpy(&v, p, 4); return v; }
    case DT_I64: { int64_t v; memcpy(&v, p, 8); return v; }
    case DT_I16: { int16_t v; memcpy(&v, p, 2); return v; }
    case DT_U8: return *(const uint8_t *)p;
    case DT_U16: { uint16_t v; memcpy(&v, p, 2); return v; }
    case DT_U32: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: return *(const uint8_t *)p != 0; /* bool */
    }
}

static void store_int(int64_t v, DType t, char *p)
{
    switch (t) {
    case DT_I8: *(int8_t *)p = (int8_t)v; break;
    case DT_I32: { int32_t w = (int32_t)v; memcpy(p, &w, 4); break; }
    case DT_I64: memcpy(p, &v, 8); break;
    case DT_I16: { int16_t w = (int16_t)v; memcpy(p, &w, 2); break; }
    case DT_U8: *(uint8_t *)p = (uint8_t)v; break;
    case DT_U16: { uint16_t w = (uint16_t)v; memcpy(p, &w, 2); break; }
    case DT_U32: { uint32_t w = (uint32_t)v; memcpy(p, &w, 4); break; }
    default: *(uint8_t *)p = v != 0; break;
    }
}

static int64_t numel(const PxArg *a)
{
    int64_t n = 1;
    for (int d = 0; d < a->t.rank; d++)
        n *= a->shape[d];
    return n;
}

void px_convert(const PxArg *a, int dtype, bool to_values, char *dst)
{
    DType t = (DType)dtype;
    int size = dt_size(t);
    for (int64_t k = 0, n = numel(a); k < n; k++) {
        const char *src = element(a, k);
        if (!to_values) {
            float x = dt_round_float(dt_load_float(src, DT_F32), dt_is_float(t) ? t : DT_F32);
            if (dt_is_float(t))
                dt_store_float_at(x, t, dst, k); /* f4e2m1: packed, two per byte */
            else
                store_int(dt_float_to_int(x, t), t, dst + k * size);
        } else if (dt_is_float(t)) {
            float x = dt_load_float_at(a->t.data, t, index_of(a, k));
            memcpy(dst + k * 4, &x, 4);
        } else {
            int64_t v = load_int(src, t);
            memcpy(dst + k * 8, &v, 8);
        }
    }
}

static bool input_values(const PxArg *a, IrBuf *b)
{
    DType t = (DType)a->t.dtype;
    if (!ir_buf_alloc(b, t, a->t.rank, a->shape))
        return false;
    if (a->t.rank == 0 && !a->t.data) { /* a number */
        if (dt_is_float(t))
            b->f[0] = dt_round_float((float)a->t.scalar, t);
        else
            b->i[0] = dt_int_to_int((int64_t)a->t.scalar, t);
        return true;
    }
    for (int64_t k = 0; k < b->numel; k++) {
        if (dt_is_float(t))
            b->f[k] = dt_load_float_at(a->t.data, t, index_of(a, k));
        else
            b->i[k] = load_int(element(a, k), t);
    }
    return true;
}

static void store_output(const IrBuf *b, const PxArg *a)
{
    DType t = (DType)a->t.dtype;
    for (int64_t k = 0; k < b->numel; k++) {
        if (dt_is_float(t))
            dt_store_float_at(b->f[k], t, a->t.data, index_of(a, k));
        else
            store_int(b->i[k], t, element(a, k));
    }
}

static bool execute(const PxGraph *g, int world, const int64_t *symvals, const IrBuf *in,
                    IrBuf *out, bool interp, char **msg)
{
    Diag d;
    diag_init(&d);
    bool ok;
    if (world == 1) /* the one-rank programs, as before worlds existed */
        ok = interp ? ir_interp(g->ref, symvals, in, out, &d)
                    : kexec_run(g->prog, symvals, in, out, NULL, &d);
    else
        ok = interp ? ir_interp_world(g->ref, symvals, world, in, out, &d)
                    : kexec_run_world(g->prog, KEXEC_MANY_ROWS, symvals, world, in, out, NULL,
                                      &d);
    if (!ok) {
        size_t len;
        FILE *f = open_memstream(msg, &len);
        if (f) {
            diag_print(&d, f);
            fclose(f);
        }
    }
    diag_free(&d);
    return ok;
}

/* The graph's output o goes to: its new output's tensor, or the in-out
 * input it is written into (each such input once: the first output
 * written into it holds its final value); NULL when already stored. */
static const PxArg *output_arg(const IrGraph *ig, int o, const PxArg *ins, const PxArg *outs)
{
    const IrDest *d = ir_output_dest(ig, o);
    if (!d)
        return &outs[ir_new_output_index(ig, o)];
    for (int k = 0; k < o; k++)
        if (ir_output_dest(ig, k) && ir_output_dest(ig, k)->param == d->param)
            return NULL;
    return &ins[d->param];
}

int px_run_cpu(const PxGraph *g, const PxArg *ins, const PxArg *outs, const int64_t *symvals,
               bool interp)
{
    return px_run_cpu_world(g, 1, ins, outs, symvals, interp);
}

int px_run_cpu_world(const PxGraph *g, int world, const PxArg *ins, const PxArg *outs,
                     const int64_t *symvals, bool interp)
{
    const IrGraph *ig = interp ? g->ref : g->prog->graph;
    int nout = ig->nout; /* new outputs and those written into inputs, per rank */
    size_t nin_all = (size_t)world * (size_t)g->nin, nout_all = (size_t)world * (size_t)nout;
    IrBuf *in = calloc(nin_all + 1, sizeof *in);
    IrBuf *out = calloc(nout_all + 1, sizeof *out);
    char *msg = NULL;
    bool ok = in && out;
    for (size_t i = 0; ok && i < nin_all; i++)
        ok = input_values(&ins[i], &in[i]);
    if (!ok) {
        PyErr_NoMemory();
    } else {
        Py_BEGIN_ALLOW_THREADS
        ok = execute(g, world, symvals, in, out, interp, &msg);
        for (int r = 0; ok && r < world; r++)
            for (int o = 0; o < nout; o++) {
                const PxArg *a = output_arg(ig, o, ins + (size_t)r * g->nin,
                                            outs + (size_t)r * g->nout);
                if (a)
                    store_output(&out[(size_t)r * nout + o], a);
            }
        Py_END_ALLOW_THREADS
        if (!ok)
            px_raise("graph %s on the CPU%s: %s", g->name, world > 1 ? " (simulated world)" : "",
                     msg ? msg : "failed");
    }
    for (size_t i = 0; in && i < nin_all; i++)
        ir_buf_free(&in[i]);
    for (size_t o = 0; ok && o < nout_all; o++)
        ir_buf_free(&out[o]);
    free(in);
    free(out);
    free(msg);
    return ok ? 0 : -1;
}
