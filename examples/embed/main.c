/* examples/embed/main.c - a program that carries its fused kernels inside
 * itself: `sinter compile add_rms_norm_fp8.sn -o x.snb --emit-c
 * add_rms_norm_fp8.c --name sinter` turns the bundle into a byte array with
 * a typed launch function, declared in add_rms_norm_fp8.h, and this
 * program calls it on device buffers it allocates with the runtime's
 * helpers (a real engine passes its framework's tensors instead).
 *
 * Build (meson does this): cc main.c add_rms_norm_fp8.c -lsinter
 * Run: ./embed_demo [T]   (prints the first values and the row scales). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "add_rms_norm_fp8.h" /* generated: sinter_bundle_load, sinter_add_rms_norm_fp8 */

static unsigned short bf16(float f)
{
    unsigned u;
    memcpy(&u, &f, 4);
    return (unsigned short)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}

int main(int argc, char **argv)
{
    int64_t T = argc > 1 ? atoll(argv[1]) : 4;
    const int64_t H = 4096;
    sn_bundle *b;
    if (sinter_bundle_load(&b) != SN_OK) {
        fprintf(stderr, "embed_demo: %s\n", sn_last_error());
        return 1;
    }
    size_t n = (size_t)(T * H);
    unsigned short *x = malloc(n * 2), *r = malloc(n * 2), *w = malloc((size_t)H * 2);
    for (size_t i = 0; i < n; i++) {
        x[i] = bf16((float)((int)(i % 17) - 8) / 8.0f);
        r[i] = bf16((float)((int)(i % 5) - 2) / 4.0f);
    }
    for (int64_t i = 0; i < H; i++)
        w[i] = bf16(1.0f + (float)(i % 3) / 8.0f);
    void *dx, *dr, *dw, *dq, *dh;
    sn_dev_alloc(&dx, n * 2);
    sn_dev_alloc(&dr, n * 2);
    sn_dev_alloc(&dw, (size_t)H * 2);
    sn_dev_alloc(&dq, n);
    sn_dev_alloc(&dh, n * 2);
    sn_dev_upload(dx, x, n * 2);
    sn_dev_upload(dr, r, n * 2);
    sn_dev_upload(dw, w, (size_t)H * 2);
    if (sinter_add_rms_norm_fp8(b, T, dx, H, dr, H, dw, 0.01, dq, dh, NULL) != SN_OK) {
        fprintf(stderr, "embed_demo: %s\n", sn_last_error());
        return 1;
    }
    unsigned char *q = malloc(n);
    sn_dev_download(q, dq, n);
    printf("embed_demo: T=%lld, first fp8 codes:", (long long)T);
    for (int i = 0; i < 8; i++)
        printf(" %02x", q[i]);
    printf("\n");
    sn_dev_free(dx);
    sn_dev_free(dr);
    sn_dev_free(dw);
    sn_dev_free(dq);
    sn_dev_free(dh);
    sn_bundle_free(b);
    free(x);
    free(r);
    free(w);
    free(q);
    return 0;
}
