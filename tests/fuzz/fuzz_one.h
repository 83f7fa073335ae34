/* fuzz_one.h - one fuzz input through the front end (and the oracle), or
 * through the bundle reader.
 *
 * Shared by the libFuzzer targets (fuzz_frontend.c, fuzz_bundle.c) and the
 * corpus replay test (replay.c), so CI runs the exact body the fuzzer
 * runs. */
#ifndef SINTER_FUZZ_ONE_H
#define SINTER_FUZZ_ONE_H

#include <stddef.h>
#include <stdint.h>

/* Compile data as a .sn file; for every graph that compiled, verify the IR
 * (aborting if it is invalid), print it and the diagnostics to /dev/null,
 * run the reference interpreter when the graph is small, and the passes,
 * code generation and the kernel-IR executor (checked against the
 * interpreter) when it is small enough (fuzz_one.c).  Returns 0. */
int sn_fuzz_one(const uint8_t *data, size_t size);
/* Read data (a version byte, then a payload) as a bundle with a valid
 * header through the runtime's reader; walk and free what it accepts
 * (fuzz_bundle_one.c).  Returns 0. */
int sn_fuzz_bundle_one(const uint8_t *data, size_t size);

#endif
