/* test_fake_hip.c - the CPU HIP device of run_hip_cpu.sh, on hand-written
 * kernels, through its two libraries as the runtime calls them (dlopen):
 *
 *  1. shuffles pick the lanes ROCm 6.4's formulas give (xor across 32 in a
 *     64-lane wave, a mask beyond the width, a 16-wide __shfl, up and down
 *     at a group's edge), on
 *     64-lane waves (gfx950) and 32-lane ones (gfx1100);
 *  2. __shared__ is one array per block, __syncthreads orders its writes
 *     before the reads; blockIdx, blockDim and gridDim;
 *  3. a shuffle reading a lane that returned gets all ones;
 *  4. lanes of one wave waiting at different barriers fail the launch
 *     (hipErrorLaunchFailure), and a later launch runs normally;
 *  5. a source the host compiler refuses fails with its message in the
 *     program log.
 * Arguments: the fake libhiprtc.so and libamdhip64.so.  Each test skips
 * without a C++ compiler and in an ASan build. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *rtc_path, *hip_path;
static void *rtc, *hip;

static const char *const source =
    "extern \"C\" __global__ void __launch_bounds__(128) lanes(int *out)\n"
    "{\n"
    "    int t = threadIdx.x, n = blockDim.x, o = blockIdx.x * 9 * n;\n"
    "    out[o + t] = __shfl_xor(t, 1, 64);\n"
    "    out[o + n + t] = __shfl_xor(t, 32, 64);\n"
    "    out[o + 2 * n + t] = __shfl(t, 3, 16);\n"
    "    out[o + 3 * n + t] = __shfl_down(t, 1, 64);\n"
    "    out[o + 4 * n + t] = __shfl_up(t, 1, 64);\n"
    "    out[o + 5 * n + t] = __shfl_xor(t, 16, 32);\n"
    "    __shared__ int s[128];\n"
    "    s[t] = t * 2 + (int)blockIdx.x;\n"
    "    __syncthreads();\n"
    "    out[o + 6 * n + t] = s[n - 1 - t];\n"
    "    out[o + 7 * n + t] = (int)(blockIdx.x * 1000 + blockDim.x * 10 + gridDim.x);\n"
    "    out[o + 8 * n + t] = __shfl_xor(t, 32, 32);\n"
    "}\n"
    "extern \"C\" __global__ void __launch_bounds__(64) poison(int *out)\n"
    "{\n"
    "    int t = threadIdx.x;\n"
    "    if (t >= 32)\n"
    "        return;\n"
    "    out[t] = __shfl_xor(t, 32, 64);\n"
    "}\n"
    "extern \"C\" __global__ void __launch_bounds__(64) diverge(int *out)\n"
    "{\n"
    "    int t = threadIdx.x;\n"
    "    if (t < 32)\n"
    "        __syncthreads();\n"
    "    else\n"
    "        t = __shfl_xor(t, 1, 64);\n"
    "    out[threadIdx.x] = t;\n"
    "}\n";

#define SYM(h, name, type) ((type)dlsym(h, name))

typedef int (*create_fn)(void **, const char *, const char *, int, const char *const *,
                         const char *const *);
typedef int (*compile_fn)(void *, int, const char *const *);
typedef int (*size_fn)(void *, size_t *);
typedef int (*get_fn)(void *, char *);
typedef int (*load_fn)(void **, const void *);
typedef int (*func_fn)(void **, void *, const char *);
typedef int (*launch_fn)(void *, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                         unsigned, void *, void **, void **);

/* Compile src with the fake hiprtc: the code object (malloc'd), or NULL
 * with the log in log. */
static char *compile(const char *src, char *log, size_t loglen)
{
    void *prog = NULL;
    assert_int_equal(SYM(rtc, "hiprtcCreateProgram", create_fn)(&prog, src, "t.hip", 0, NULL,
                                                                  NULL), 0);
    const char *opts[] = {"--offload-arch=gfx950"};
    int rc = SYM(rtc, "hiprtcCompileProgram", compile_fn)(prog, 1, opts);
    size_t n = 0;
    SYM(rtc, "hiprtcGetProgramLogSize", size_fn)(prog, &n);
    char *text = calloc(1, n + 1);
    SYM(rtc, "hiprtcGetProgramLog", get_fn)(prog, text);
    snprintf(log, loglen, "%s", text);
    free(text);
    char *code = NULL;
    if (rc == 0) {
        assert_int_equal(SYM(rtc, "hiprtcGetCodeSize", size_fn)(prog, &n), 0);
        code = malloc(n);
        assert_int_equal(SYM(rtc, "hiprtcGetCode", get_fn)(prog, code), 0);
    }
    SYM(rtc, "hiprtcDestroyProgram", int (*)(void **))(&prog);
    return code;
}

/* Can the fake device run here?  Not under ASan (the lanes' fibers switch
 * stacks behind its back: the normal build runs these), nor without a C++
 * compiler. */
static bool have_cxx(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return false;
#endif
    const char *cxx = getenv("SN_CPU_CXX");
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s > /dev/null", cxx && *cxx ? cxx : "c++");
    return system(cmd) == 0;
}

/* Launch kernel `name` of module m on grid x block lanes with out; the
 * launch's status. */
static int launch(void *m, const char *name, unsigned grid, unsigned block, int *out)
{
    void *fn = NULL;
    assert_int_equal(SYM(hip, "hipModuleGetFunction", func_fn)(&fn, m, name), 0);
    void *params[] = {&out};
    return SYM(hip, "hipModuleLaunchKernel", launch_fn)(fn, grid, 1, 1, block, 1, 1, 0, NULL,
                                                          params, NULL);
}

static void *module(void)
{
    char log[4096];
    char *code = compile(source, log, sizeof log);
    if (!code)
        fail_msg("compile: %s", log);
    void *m = NULL;
    assert_int_equal(SYM(hip, "hipModuleLoadData", load_fn)(&m, code), 0);
    free(code);
    return m;
}

static void test_lanes(void **state)
{
    (void)state;
    if (!have_cxx())
        skip();
    static const char *const archs[] = {"gfx950:sramecc+:xnack-", "gfx1100"};
    void *m = module();
    for (int a = 0; a < 2; a++) {
        setenv("SN_CPU_HIP_ARCH", archs[a], 1);
        int wave = a == 0 ? 64 : 32, n = 128;
        int *out = calloc(2 * 9 * 128, sizeof(int));
        assert_int_equal(launch(m, "lanes", 2, 128, out), 0);
        for (int b = 0; b < 2; b++) {
            const int *o = out + b * 9 * n;
            for (int t = 0; t < n; t++) {
                int lane = t % wave, base = t - lane;
                /* each formula as ROCm 6.4 writes it, then the lane mod wave */
                int x1 = lane ^ 1;
                int x32 = lane ^ 32;
                x32 = x32 >= ((lane + 64) & ~63) ? lane : x32;
                int s16 = (3 & 15) + (lane & ~15);
                int dn = (lane & 63) + 1 >= 64 ? lane : lane + 1;
                int up = lane - 1 < (lane & ~63) ? lane : lane - 1;
                int x16 = lane ^ 16;
                x16 = x16 >= ((lane + 32) & ~31) ? lane : x16;
                assert_int_equal(o[t], base + (x1 & (wave - 1)));
                assert_int_equal(o[n + t], base + (x32 & (wave - 1)));
                assert_int_equal(o[2 * n + t], base + (s16 & (wave - 1)));
                assert_int_equal(o[3 * n + t], base + (dn & (wave - 1)));
                assert_int_equal(o[4 * n + t], base + (up & (wave - 1)));
                assert_int_equal(o[5 * n + t], base + (x16 & (wave - 1)));
                assert_int_equal(o[6 * n + t], (n - 1 - t) * 2 + b);
                assert_int_equal(o[7 * n + t], b * 1000 + 1280 + 2);
                /* a mask beyond the width: the lower group's lanes keep their own
                 * value, the upper's read the lower's (HIP clamps upwards only) */
                int xw = lane ^ 32;
                xw = xw >= ((lane + 32) & ~31) ? lane : xw;
                assert_int_equal(o[8 * n + t], base + (xw & (wave - 1)));
            }
        }
        /* on 64-lane waves xor 32 crosses half waves; on 32-lane ones it
         * stays (the lane mod 32) */
        assert_int_equal(out[128 + 0], wave == 64 ? 32 : 0);
        free(out);
    }
    unsetenv("SN_CPU_HIP_ARCH");
}

static void test_poison_and_divergence(void **state)
{
    (void)state;
    if (!have_cxx())
        skip();
    void *m = module();
    int out[64];
    memset(out, 0, sizeof out);
    assert_int_equal(launch(m, "poison", 1, 64, out), 0);
    for (int t = 0; t < 32; t++)
        assert_int_equal(out[t], -1); /* lane t + 32 had returned */
    assert_int_equal(launch(m, "diverge", 1, 64, out), 719);
    const char *(*describe)(int) = SYM(hip, "hipGetErrorString", const char *(*)(int));
    assert_non_null(strstr(describe(719), "diverged"));
    int lanes_out[2 * 9 * 128];
    assert_int_equal(launch(m, "lanes", 2, 128, lanes_out), 0); /* runs after a failure */
    assert_int_equal(lanes_out[1], 0);
}

static void test_compile_error(void **state)
{
    (void)state;
    if (!have_cxx())
        skip();
    char log[4096];
    char *code = compile("extern \"C\" __global__ void k(int *p) { p[0] = undeclared; }\n", log,
                         sizeof log);
    assert_null(code);
    assert_non_null(strstr(log, "undeclared"));
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_fake_hip LIBHIPRTC LIBAMDHIP64\n");
        return 2;
    }
    rtc_path = argv[1];
    hip_path = argv[2];
    if (!(rtc = dlopen(rtc_path, RTLD_NOW | RTLD_LOCAL)) ||
        !(hip = dlopen(hip_path, RTLD_NOW | RTLD_LOCAL))) {
        fprintf(stderr, "test_fake_hip: %s\n", dlerror());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lanes),
        cmocka_unit_test(test_poison_and_divergence),
        cmocka_unit_test(test_compile_error),
    };
    return cmocka_run_group_tests_name("fake_hip", tests, NULL, NULL);
}
