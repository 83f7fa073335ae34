/* fuzz_bundle_one.c - one fuzz input through the runtime's bundle reader.
 *
 * The input's first byte picks the format version written into the
 * header: 1 + byte % SNB_VERSION (every version the reader takes); the
 * rest is the payload.  The header gets the right size and checksum, so the fuzzer
 * reaches the structural checks instead of stopping at the checksum.  A
 * bundle the reader accepts is walked whole (every graph, tensor,
 * variant, kernel and few-rows variant), then loaded on a fake device
 * (tests/fake_device.c) and every graph launched as sn_launch would,
 * less the driver call: symbols bound from tensors whose sizes come from
 * the input's last bytes, arguments checked, workspace sized, kernels and
 * variants picked by grid and alignment, parameter arrays built. */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "fuzz_one.h"
#include "fake_device.h"

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

/* Symbol values from the input's last bytes: mostly 1-97, now and then 0
 * or a huge size that must be refused, not overflow. */
static void sym_values(const uint8_t *data, size_t size, int64_t *syms)
{
    for (int i = 0; i < SNB_MAX_SYMS; i++) {
        uint8_t b = size > (size_t)i ? data[size - 1 - (size_t)i] : 3;
        syms[i] = b == 255   ? INT64_MAX / 3
                  : b == 254 ? (int64_t)1 << 40
                  : b == 253 ? 0
                             : 1 + b % 97;
    }
}

static void launch_all(sn_bundle *bundle, const int64_t *syms)
{
    if (fake_load(bundle) != SN_OK)
        return;
    static FakeArgs a; /* big: off the stack */
    for (int g = 0; g < bundle->ngraph; g++) {
        sn_graph *gr = &bundle->graphs[g];
        fake_args(gr, syms, &a);
        size_t need = 0;
        if (sn_graph_workspace_size(gr, a.in, gr->nin, &need) != SN_OK)
            need = 0;
        rt_launch(fake_device(), gr, a.in, gr->nin, a.out, gr->nout, fake_workspace(), need,
                  NULL);
    }
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
    uint64_t fields[3] = {1u + data[0] % SNB_VERSION, payload,
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
    int64_t syms[SNB_MAX_SYMS];
    sym_values(data, size, syms);
    launch_all(bundle, syms);
    rt_bundle_free(bundle);
    return 0;
}
