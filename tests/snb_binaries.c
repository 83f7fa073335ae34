/* snb_binaries.c - write every precompiled binary of a bundle to a file,
 * for disassembly (tests/check_hip_rocm.sh runs llvm-objdump on them):
 *
 *   snb_binaries BUNDLE DIR
 *
 * writes DIR/<graph>.<variant index>.<arch>.co per binary and prints each
 * path.  The bundle is read with every check of the runtime's reader
 * (runtime/bundle.c); the public API describes binaries without their
 * bytes, so this reads the reader's structures (runtime/internal.h).
 * Exit 0, or 1 with a message. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: snb_binaries BUNDLE DIR\n");
        return 1;
    }
    unsigned char *bytes;
    size_t size;
    sn_bundle *b;
    if (rt_read_file(argv[1], &bytes, &size) != SN_OK ||
        rt_bundle_parse(bytes, size, &b) != SN_OK) {
        fprintf(stderr, "snb_binaries: %s: %s\n", argv[1], sn_last_error());
        return 1;
    }
    int written = 0;
    for (int g = 0; g < b->ngraph; g++)
        for (int v = 0; v < b->graphs[g].nvariant; v++) {
            const RtVariant *var = &b->graphs[g].variants[v];
            for (int i = 0; i < var->nbinary; i++) {
                const RtBinary *bin = &var->binaries[i];
                char path[4096];
                snprintf(path, sizeof path, "%s/%s.%d.%s.co", argv[2], b->graphs[g].name, v,
                         bin->arch);
                FILE *f = fopen(path, "wb");
                if (!f || fwrite(bin->code, 1, bin->size, f) != bin->size || fclose(f) != 0) {
                    fprintf(stderr, "snb_binaries: cannot write %s\n", path);
                    return 1;
                }
                printf("%s\n", path);
                written++;
            }
        }
    rt_bundle_free(b);
    return written ? 0 : (fprintf(stderr, "snb_binaries: %s holds no binaries\n", argv[1]), 1);
}
