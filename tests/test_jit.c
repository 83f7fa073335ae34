/* test_jit.c - one kernel function's unit (codegen/module.c's SN_ONLY
 * guards, runtime/prepare.c's -DSN_ONLY -DSN_ONLY_<name>) against the
 * whole source, with the real compilers (each test skips without its
 * compiler):
 *   - NVRTC, sm_90, every example: each unit holds exactly its function,
 *     and that function's PTX is the whole source's, line for line but for
 *     comments (so the runtime's lazy units run the same code);
 *   - NVRTC: the runtime's --minimal changes no byte of the CUBIN;
 *   - hiprtc, gfx90a, every example: each unit compiles and its code
 *     object names its function and no other of the graph;
 *   - NVRTC 12.9+, sm_100: the runtime compiles for the family (sm_100f),
 *     where mxfp4_quant's conversions are Blackwell's cvt instructions
 *     (codegen/prelude_sm100.cuh); plain sm_100 compiles the portable code.
 * Run from the source root (meson does). */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver.h"
#include "jit.h"

/* ---------------------------------------------------------- examples */

typedef struct {
    char *name;                /* the example's graph */
    char *cuda, *hip;          /* sources (malloc'd) */
    char *fns[64];             /* its kernel functions */
    int nfn;
} Example;

static Example ex[32];
static int nex;

static void add_fn(Example *e, const char *fn)
{
    if (fn && *fn && e->nfn < 64)
        e->fns[e->nfn++] = strdup(fn);
}

static bool compile_example(const char *path)
{
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    CgTarget t[2];
    SnCompileOptions opt = {.paths = &path, .npath = 1, .targets = t, .ntarget = 2};
    SnCompiled c;
    bool ok = cg_target("cuda:sm_90", &t[0], &d) && cg_target("hip:gfx90a", &t[1], &d) &&
              sn_compile(&opt, SN_STAGE_CODE, NULL, NULL, a, &c, &d);
    for (int g = 0; ok && g < c.ngraph && nex < 32; g++) {
        Example *e = &ex[nex++];
        BundleGraph *bg = &c.graphs[g].bundle;
        e->name = strdup(c.graphs[g].graph->name);
        for (int v = 0; v < bg->nvariant; v++) {
            CgModule *m = &bg->variants[v].module;
            if (bg->variants[v].target.dialect == CG_HIP) {
                e->hip = strdup(m->source);
                continue;
            }
            e->cuda = strdup(m->source);
            for (int k = 0; k < m->nkernel; k++)
                for (CgKernel *ck = &m->kernels[k]; ck; ck = ck->few_rows) {
                    add_fn(e, ck->name);
                    add_fn(e, ck->scalar_name);
                }
        }
    }
    diag_print(&d, stderr);
    diag_free(&d);
    arena_free(a);
    return ok;
}

static int setup(void **state)
{
    (void)state;
    DIR *dir = opendir("examples");
    struct dirent *de;
    char path[512];
    while (dir && (de = readdir(dir))) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 3, ".sn"))
            continue;
        snprintf(path, sizeof path, "examples/%s", de->d_name);
        if (!compile_example(path))
            return -1;
    }
    if (dir)
        closedir(dir);
    return nex > 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < nex; i++) {
        free(ex[i].name);
        free(ex[i].cuda);
        free(ex[i].hip);
        for (int f = 0; f < ex[i].nfn; f++)
            free(ex[i].fns[f]);
    }
    return 0;
}

/* ------------------------------------------------- NVRTC, for its PTX */

typedef int (*create_fn)(void **, const char *, const char *, int, const char *const *,
                         const char *const *);
typedef int (*compile_fn)(void *, int, const char *const *);
typedef int (*size_fn)(void *, size_t *);
typedef int (*get_fn)(void *, char *);
typedef int (*destroy_fn)(void **);

static struct {
    void *h;
    create_fn create;
    compile_fn compile;
    size_fn ptx_size, cubin_size;
    get_fn ptx, cubin;
    destroy_fn destroy;
} nv;

static bool open_nvrtc(void)
{
    if (nv.h)
        return true;
    const char *env = getenv("SINTER_NVRTC");
    nv.h = dlopen(env && *env ? env : "libnvrtc.so", RTLD_NOW | RTLD_LOCAL);
    if (!nv.h)
        nv.h = dlopen("libnvrtc.so.13", RTLD_NOW | RTLD_LOCAL);
    if (!nv.h)
        nv.h = dlopen("libnvrtc.so.12", RTLD_NOW | RTLD_LOCAL);
    if (!nv.h)
        return false;
    nv.create = (create_fn)dlsym(nv.h, "nvrtcCreateProgram");
    nv.compile = (compile_fn)dlsym(nv.h, "nvrtcCompileProgram");
    nv.ptx_size = (size_fn)dlsym(nv.h, "nvrtcGetPTXSize");
    nv.ptx = (get_fn)dlsym(nv.h, "nvrtcGetPTX");
    nv.cubin_size = (size_fn)dlsym(nv.h, "nvrtcGetCUBINSize");
    nv.cubin = (get_fn)dlsym(nv.h, "nvrtcGetCUBIN");
    nv.destroy = (destroy_fn)dlsym(nv.h, "nvrtcDestroyProgram");
    return nv.create && nv.compile && nv.ptx_size && nv.ptx && nv.cubin_size && nv.cubin &&
           nv.destroy;
}

/* PTX (cubin: CUBIN) of source with opts, malloc'd; NULL if it fails. */
static char *nvrtc_out(const char *source, const char *const *opts, int nopts, bool cubin,
                       size_t *size)
{
    void *p = NULL;
    char *out = NULL;
    if (nv.create(&p, source, "unit.cu", 0, NULL, NULL) != 0)
        return NULL;
    if (nv.compile(p, nopts, opts) == 0 &&
        (cubin ? nv.cubin_size : nv.ptx_size)(p, size) == 0 && (out = malloc(*size + 1)) &&
        (cubin ? nv.cubin : nv.ptx)(p, out) != 0) {
        free(out);
        out = NULL;
    }
    if (out)
        out[*size] = 0;
    nv.destroy(&p);
    return out;
}

/* The text of entry fn in ptx ("" if absent) without comment lines and
 * blank lines, its labels "$L__BB<function index>_<block>" numbered as
 * the first function's ("$L__BB0_"): the index is the function's position
 * in the module, the one thing a unit changes.  malloc'd; *entries counts
 * the .entry functions. */
static char *ptx_entry(const char *ptx, const char *fn, int *entries)
{
    char head[512];
    snprintf(head, sizeof head, ".entry %s(", fn);
    *entries = 0;
    for (const char *p = ptx; (p = strstr(p, ".entry ")); p++)
        (*entries)++;
    const char *start = strstr(ptx, head);
    if (!start)
        return strdup("");
    const char *end = strstr(start + 1, ".entry ");
    if (!end)
        end = start + strlen(start);
    size_t n = (size_t)(end - start);
    char *out = malloc(2 * n + 1), *o = out;
    for (const char *line = start; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t len = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);
        const char *q = line;
        while (q < line + len && (*q == ' ' || *q == '\t'))
            q++;
        /* comments ("// .globl", "// <name> has been demoted") name the
         * source's other functions; the trailing ".visible" / ".globl"
         * lines belong to the next entry */
        bool skip = (q + 1 < line + len && q[0] == '/' && q[1] == '/') || *q == '\n' ||
                    !strncmp(q, ".visible", 8) || !strncmp(q, ".weak", 5);
        for (size_t i = 0; !skip && i < len; i++) {
            *o++ = line[i];
            if (i >= 5 && !memcmp(line + i - 5, "$L__BB", 6)) {
                *o++ = '0';
                while (i + 1 < len && line[i + 1] >= '0' && line[i + 1] <= '9')
                    i++;
            }
        }
        line += len;
    }
    *o = 0;
    return out;
}

static void test_nvrtc_units(void **state)
{
    (void)state;
    char info[256];
    if (!rt_jit_probe(RT_NVRTC, info, sizeof info) || !open_nvrtc()) {
        print_message("        no NVRTC: %s\n", info);
        skip();
    }
    int major = 0, minor = 0;
    sscanf(info, "nvrtc %d.%d", &major, &minor);
    bool minimal = major > 12 || (major == 12 && minor >= 4); /* as the runtime */
    for (int i = 0; i < nex; i++) {
        const Example *e = &ex[i];
        const char *opts[4] = {"--gpu-architecture=sm_90", "--std=c++17", "--minimal", NULL};
        int nopt = minimal ? 3 : 2;
        size_t n;
        char *whole = nvrtc_out(e->cuda, opts, nopt, false, &n);
        assert_non_null(whole);
        for (int f = 0; f < e->nfn; f++) {
            char def[512];
            snprintf(def, sizeof def, "-DSN_ONLY_%s", e->fns[f]);
            const char *uopts[6] = {opts[0], opts[1], opts[2], NULL, NULL, NULL};
            uopts[nopt] = "-DSN_ONLY";
            uopts[nopt + 1] = def;
            char *unit = nvrtc_out(e->cuda, uopts, nopt + 2, false, &n);
            assert_non_null(unit);
            int nw, nu;
            char *a = ptx_entry(whole, e->fns[f], &nw), *b = ptx_entry(unit, e->fns[f], &nu);
            assert_int_equal(nw, e->nfn);
            assert_int_equal(nu, 1); /* the unit holds its function alone */
            assert_true(strlen(a) > 100);
            if (strcmp(a, b) != 0)
                fail_msg("%s: the PTX of %s differs between the whole source and its unit",
                         e->name, e->fns[f]);
            free(a);
            free(b);
            free(unit);
        }
        print_message("        %s: %d units, each the same PTX as in the whole source\n",
                      e->name, e->nfn);
        free(whole);
    }
}

static void test_nvrtc_minimal(void **state)
{
    (void)state;
    char info[256];
    if (!rt_jit_probe(RT_NVRTC, info, sizeof info) || !open_nvrtc()) {
        print_message("        no NVRTC: %s\n", info);
        skip();
    }
    for (int i = 0; i < nex && i < 2; i++) {
        RtJitOutput out; /* the runtime's options: --minimal on NVRTC 12.4+ */
        char err[8192];
        assert_true(rt_jit_compile(RT_NVRTC, ex[i].cuda, "whole.cu", "sm_90", &out, err,
                                   sizeof err));
        const char *opts[2] = {"--gpu-architecture=sm_90", "--std=c++17"};
        size_t n;
        char *plain = nvrtc_out(ex[i].cuda, opts, 2, true, &n);
        assert_non_null(plain);
        assert_int_equal(n, out.size);
        assert_memory_equal(plain, out.binary, n);
        free(plain);
        rt_jit_free(&out);
    }
}

/* Does code hold the symbol name (followed by NUL, as in a string table)? */
static bool has_symbol(const void *code, size_t size, const char *name)
{
    size_t n = strlen(name) + 1;
    return memmem(code, size, name, n) != NULL;
}

static void test_hiprtc_units(void **state)
{
    (void)state;
    char info[256];
    if (!rt_jit_probe(RT_HIPRTC, info, sizeof info) || rt_jit_hip_knows_arch("gfx90a") == 0) {
        print_message("        no hiprtc for gfx90a: %s\n", info);
        skip();
    }
    for (int i = 0; i < nex; i++) {
        const Example *e = &ex[i];
        for (int f = 0; f < e->nfn; f++) {
            char def[512], err[1 << 14];
            snprintf(def, sizeof def, "-DSN_ONLY_%s", e->fns[f]);
            const char *extra[2] = {"-DSN_ONLY", def};
            RtJitOutput out;
            if (!rt_jit_compile_with(RT_HIPRTC, e->hip, "unit.hip", "gfx90a", extra, 2, &out,
                                     err, sizeof err))
                fail_msg("%s: %s", e->fns[f], err);
            for (int o = 0; o < e->nfn; o++)
                if (has_symbol(out.binary, out.size, e->fns[o]) != (o == f))
                    fail_msg("%s's unit %s %s", e->fns[f], o == f ? "lacks" : "holds",
                             e->fns[o]);
            rt_jit_free(&out);
        }
        print_message("        %s: %d units, each holding its function alone\n", e->name,
                      e->nfn);
    }
}

/* The CUDA source of examples/<name>.sn's first graph for spec, malloc'd. */
static char *cuda_source(const char *name, const char *spec)
{
    char path[256];
    snprintf(path, sizeof path, "examples/%s.sn", name);
    const char *pp = path;
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    CgTarget t;
    SnCompileOptions opt = {.paths = &pp, .npath = 1, .targets = &t, .ntarget = 1};
    SnCompiled c;
    char *src = NULL;
    if (cg_target(spec, &t, &d) && sn_compile(&opt, SN_STAGE_CODE, NULL, NULL, a, &c, &d))
        src = strdup(c.graphs[0].bundle.variants[0].module.source);
    diag_print(&d, stderr);
    diag_free(&d);
    arena_free(a);
    return src;
}

static void test_nvrtc_blackwell_mx(void **state)
{
    (void)state;
    char info[256];
    int major = 0, minor = 0;
    if (!rt_jit_probe(RT_NVRTC, info, sizeof info) || !open_nvrtc() ||
        sscanf(info, "nvrtc %d.%d", &major, &minor) != 2 ||
        !(major > 12 || (major == 12 && minor >= 9))) {
        print_message("        no NVRTC 12.9+ (family targets): %s\n", info);
        skip();
    }
    char ident[4096];
    assert_true(rt_jit_identity(RT_NVRTC, "sm_100", ident, sizeof ident));
    assert_non_null(strstr(ident, "--gpu-architecture=sm_100f "));
    assert_true(rt_jit_identity(RT_NVRTC, "sm_90", ident, sizeof ident));
    assert_non_null(strstr(ident, "--gpu-architecture=sm_90 "));
    char *src90 = cuda_source("mxfp4_quant", "cuda:sm_90"), *src = cuda_source("mxfp4_quant", "cuda:sm_100");
    assert_non_null(src90);
    assert_non_null(src);
    assert_null(strstr(src90, "_hw("));   /* sm_90's source is the portable code */
    assert_non_null(strstr(src, "sn_to2_e2m1_hw(")); /* sm_100's calls the wrappers */
    size_t n;
    const char *fam[2] = {"--gpu-architecture=sm_100f", "--std=c++17"};
    const char *plain[2] = {"--gpu-architecture=sm_100", "--std=c++17"};
    char *ptx = nvrtc_out(src, fam, 2, false, &n), *ptx0 = nvrtc_out(src, plain, 2, false, &n);
    assert_non_null(ptx);
    assert_non_null(ptx0);
    assert_non_null(strstr(ptx, "cvt.rn.satfinite.e2m1x2.f32"));
    assert_non_null(strstr(ptx, "cvt.rp.ue8m0x2.f32"));
    assert_null(strstr(ptx0, "e2m1x2"));
    assert_null(strstr(ptx0, "ue8m0x2"));
    /* the runtime's compile for sm_100 is the family's */
    RtJitOutput out;
    char err[8192];
    assert_true(rt_jit_compile(RT_NVRTC, src, "mxfp4_quant.cu", "sm_100", &out, err, sizeof err));
    const char *famm[3] = {"--gpu-architecture=sm_100f", "--std=c++17", "--minimal"};
    char *cubin = nvrtc_out(src, famm, 3, true, &n);
    assert_non_null(cubin);
    assert_int_equal(n, out.size);
    assert_memory_equal(cubin, out.binary, n);
    print_message("        mxfp4_quant for sm_100: the runtime compiles sm_100f, whose PTX has "
                  "the e2m1x2 and ue8m0x2 conversions; plain sm_100's has none\n");
    rt_jit_free(&out);
    free(cubin);
    free(ptx);
    free(ptx0);
    free(src);
    free(src90);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nvrtc_units),
        cmocka_unit_test(test_nvrtc_minimal),
        cmocka_unit_test(test_hiprtc_units),
        cmocka_unit_test(test_nvrtc_blackwell_mx),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
