/* fuzz_bundle_one.c - one fuzz input through the runtime's bundle reader.
 *
 * The input's first byte picks the format version written into the
 * header: 1 + byte % 3 (0: version 1, 1: version 2, 2: version 3, the
 * current one); the rest is the payload.  The header gets the right size and checksum, so the fuzzer
 * reaches the structural checks instead of stopping at the checksum.  A
 * bundle the reader accepts is walked whole (every graph, tensor,
 * variant, kernel and few-rows variant) and freed. */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "fuzz_one.h"
#include "internal.h"

static size_t walk_kernel(const RtKernel *k)
{
    size_t n = strlen(k->name) + strlen(k->scalar_name) + (size_t)k->block;
    for (int i = 0; i < k->nparam; i++)
        n += (size_t)k->params[i].kind;
    for (int s = 0; s < k->nseg; s++)
        for (int d = 0; d < k->segs[s].nouter; d++)
            n += (size_t)k->segs[s].outer[d].nsym;
    for (int i = 0; i < k->nalign; i++)
        n += (size_t)k->align[i].bytes;
    return k->few_rows ? n + walk_kernel(k->few_rows) : n;
}

int sn_fuzz_bundle_one(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t payload = size - 1, total = SNB_HEADER_BYTES + payload;
    unsigned char *b = malloc(total);
    if (!b)
        return 0;
    memcpy(b, SNB_MAGIC, 8);
    uint64_t fields[3] = {1u + data[0] % 3u, payload,
                          XXH64(data + 1, payload, 0)};
    for (int i = 0; i < 4; i++) /* version, flags 0 */
        b[8 + i] = (unsigned char)(fields[0] >> (8 * i)), b[12 + i] = 0;
    for (int i = 0; i < 8; i++)
        b[16 + i] = (unsigned char)(fields[1] >> (8 * i)),
        b[24 + i] = (unsigned char)(fields[2] >> (8 * i));
    memcpy(b + SNB_HEADER_BYTES, data + 1, payload);
    sn_bundle *bundle;
    if (rt_bundle_parse(b, total, &bundle) != SN_OK) /* takes b either way */
        return 0;
    volatile size_t sink = 0;
    for (int g = 0; g < sn_bundle_num_graphs(bundle); g++) {
        const sn_graph *gr = &bundle->graphs[g];
        sink += strlen(gr->name) + (size_t)sn_graph_num_inputs(gr);
        for (int i = 0; i < gr->nsym; i++)
            sink += strlen(gr->syms[i]);
        for (int i = 0; i < gr->nout; i++)
            sink += (size_t)(sn_graph_output_alias(gr, i) + 1);
        for (int v = 0; v < gr->nvariant; v++) {
            const RtVariant *var = &gr->variants[v];
            sink += strlen(var->arch) + strlen(var->source);
            for (int k = 0; k < var->nkernel; k++)
                sink += walk_kernel(&var->kernels[k]);
            for (int k = 0; k < var->nbinary; k++)
                sink += var->binaries[k].size + strlen(var->binaries[k].compiler);
        }
    }
    rt_bundle_free(bundle);
    return 0;
}
