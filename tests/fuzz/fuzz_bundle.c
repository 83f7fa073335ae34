/* fuzz_bundle.c - libFuzzer target for the runtime's bundle reader (built
 * with -Dfuzz=true; see docs/fuzzing.md).  The body is sn_fuzz_bundle_one. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return sn_fuzz_bundle_one(data, size);
}
