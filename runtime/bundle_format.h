/* bundle_format.h - the .snb bundle file format, shared by the compiler
 * (which writes it) and the runtime (which reads it).
 *
 * A bundle is one file: a 32-byte header then a payload.
 *   header: "SINTERB\0" | u32 version | u32 flags (0) | u64 payload bytes |
 *           u64 XXH64 of the payload (seed 0)
 * All integers little-endian.  str = u32 length + bytes (no NUL);
 * blob = u64 length + bytes; dim = i64 coef | u32 nsym | u32 sym[4].
 * payload:
 *   u32 ngraph, then per graph:
 *     str name | u32 nsym, str sym... | symdef[nsym] (version >= 6) |
 *       symdef = u32 op | dim a | i64 b: op 0, a 0 and b 0 for a free symbol
 *       (bound from the tensors' shapes); op SNB_SYM_* for a derived one,
 *       op(a, b) computed from earlier symbols (a's) and b >= 1
 *     u32 nin, tensor... | u32 nout, tensor... | u32 ntemp, tensor... |
 *       u32 ncoll, coll... (version >= 7)
 *       coll = u32 op (SNB_COLL_*) | u32 buf | u32 after: a collective step
 *       between launches: after kernel `after` of the variant launched (every
 *       variant has more kernels than that), buffer `buf` (a temporary of
 *       dtype f32) is summed in place over the ranks of the communicator
 *       (sn_graph_set_comm); sorted by `after`, one per buffer
 *       tensor = str name | u32 dtype | u32 rank | dim[rank] | i32 alias |
 *                u32 nbound, dim[nbound] (version >= 4) | u32 flags
 *                (version >= 5; SNB_TENSOR_*)
 *       (alias: outputs only, the input index it may share, else -1;
 *       bounds: integer inputs only, the sizes of the table dims the input
 *       indexes through gathers: its values must be in [0, every bound))
 *     u32 nvariant, then per variant:
 *       u32 dialect (0 CUDA, 1 HIP) | str target arch it was generated for |
 *       str source | u32 nkernel, kernel... | u32 nbinary, binary...
 *       kernel = str name | str scalar_name ("" if one variant) | u32 block |
 *                u32 smem | u32 nparam, (u32 kind, u32 buf, u32 dim, u32 sym)... |
 *                u32 nseg, (u32 nouter, dim[nouter], u32 rows_per_block)... |
 *                u32 nalign, (u32 buf, u32 bytes, u32 stride_multiple)... |
 *                u32 flags (version >= 3; SNB_KERNEL_*) |
 *                u32 has_few_rows (0 or 1; version >= 2), then when 1:
 *                u32 grid_per_sm | kernel (the few-rows variant, its own
 *                has_few_rows 0): launched instead when this kernel's grid
 *                is at most grid_per_sm x the device's SM count
 *       binary = str arch | str compiler version | blob code
 * Buffers are numbered as in the kernel IR: inputs, outputs, temps.
 * Version 1 had no has_few_rows field, version 2 no flags, version 3 no
 * index bounds; readers still take all three (their kernels have no
 * flags, their inputs no bounds); version 4 had no tensor flags (no
 * input is written); version 5 had no symdefs (every symbol free);
 * version 6 had no collectives (none).
 * Every count is checked against what is left of the file and the limits
 * below, every index against what it indexes, every unused field is 0,
 * strings hold no NUL.
 * A reader refuses a version newer than its own, a bad magic, a payload
 * shorter than the header says, and a checksum mismatch. */
#ifndef SINTER_BUNDLE_FORMAT_H
#define SINTER_BUNDLE_FORMAT_H

#include <stdint.h>

#define SNB_MAGIC "SINTERB"
#define SNB_VERSION 7u
#define SNB_HEADER_BYTES 32u
#define SNB_MAX_RANK 8
#define SNB_MAX_DIM_SYMS 4

/* Limits: the reader refuses a bundle over any of them and the writer
 * refuses to write one (the compiler reports which graph and limit).  The
 * number of graphs is bounded only by the file's size. */
#define SNB_MAX_BUFFERS 256      /* a graph's inputs + outputs + temporaries */
#define SNB_MAX_SYMS 64          /* a graph's size symbols */

/* Derived size symbols (symdef.op): the compiler's IrSymOp numbers. */
#define SNB_SYM_FREE 0
#define SNB_SYM_FLOORDIV 1       /* a // b */
#define SNB_SYM_MOD 2            /* a % b */
#define SNB_SYM_CDIV 3           /* ceil(a / b) */
#define SNB_SYM_ALIGN 4          /* cdiv(a, b) * b */
#define SNB_MAX_COLLS 256        /* collective steps per graph */
#define SNB_MAX_BOUNDS 8         /* distinct index bounds of an input */
#define SNB_MAX_VARIANTS 16      /* sources (dialects) per graph */
#define SNB_MAX_KERNELS 1024     /* per variant */
#define SNB_MAX_BINARIES 256     /* per variant */
#define SNB_MAX_PARAMS 1024      /* per kernel */
#define SNB_MAX_SEGS 64          /* grid segments per kernel */
#define SNB_MAX_ALIGNS 1024      /* alignment requirements per kernel */
#define SNB_MAX_ALIGN 256        /* bytes; a power of two */
#define SNB_MAX_SMEM (1u << 20)  /* static shared memory bytes per kernel */
#define SNB_MAX_NAME 4096        /* bytes of a name, arch or compiler string */
#define SNB_MAX_SOURCE (1u << 30) /* bytes of a variant's source */

/* Parameter kinds, as codegen's CgParamKind. */
enum { SNB_PARAM_PTR, SNB_PARAM_STRIDE, SNB_PARAM_SYM, SNB_PARAM_SCALAR };
enum { SNB_CUDA, SNB_HIP };
/* Kernel flags.  GRID_WAIT: the kernel's first act is to wait for the grids
 * its launch depends on (griddepcontrol.wait on sm_90+), so the runtime may
 * launch it with programmatic dependent launch. */
enum { SNB_KERNEL_GRID_WAIT = 1u };
/* Tensor flags (version >= 5).  WRITTEN: an input the graph writes (an
 * in-out parameter: `return v -> param`); inputs only. */
enum { SNB_TENSOR_WRITTEN = 1u };
/* Collective ops (version >= 7).  ALL_REDUCE_SUM: ncclAllReduce(ncclSum,
 * ncclFloat32) in place. */
enum { SNB_COLL_ALL_REDUCE_SUM = 0u };

/* The grid of a kernel, one formula for codegen (cg_grid) and the runtime:
 * blocks = sum over segments of ceil(rows / rows_per_block), rows the
 * product of the segment's outer sizes.  Fold sizes into rows with
 * snb_rows_mul (from 1) and rows into the grid with snb_grid_add (from 0);
 * both give -1, sticky, for a negative size or on overflow. */
static inline int64_t snb_rows_mul(int64_t rows, int64_t size)
{
    int64_t r;
    if (rows < 0 || size < 0 || __builtin_mul_overflow(rows, size, &r))
        return -1;
    return r;
}

static inline int64_t snb_grid_add(int64_t grid, int64_t rows, int64_t rows_per_block)
{
    int64_t g;
    if (grid < 0 || rows < 0 || rows_per_block < 1 ||
        __builtin_add_overflow(grid, rows / rows_per_block + (rows % rows_per_block != 0), &g))
        return -1;
    return g;
}

#endif
